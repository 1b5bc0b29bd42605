package org.switchboard.e2e.harness;

/**
 * An event baresip's ctrl_tcp module sent, such as {@code REGISTER_OK} or {@code CALL_ESTABLISHED}.
 *
 * @param type the event type
 * @param accountAor the account it concerns ({@code sip:1001@127.0.0.1}), or empty
 * @param param the detail (a status line, a peer URI), or empty
 */
public record BaresipEvent(String type, String accountAor, String param) {
}
