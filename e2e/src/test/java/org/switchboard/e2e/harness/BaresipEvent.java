package org.switchboard.e2e.harness;

/**
 * An event baresip's ctrl_tcp module sent, such as {@code REGISTER_OK}, {@code CALL_RINGING},
 * {@code CALL_ESTABLISHED} or {@code CALL_CLOSED}.
 *
 * @param type the event type
 * @param accountAor the account it concerns ({@code sip:1001@127.0.0.1}), or empty
 * @param peerUri the other party of a call event, or empty
 * @param callId baresip's id of the call, or empty
 * @param param the detail (a status line, a peer URI, the reason a call closed), or empty
 */
public record BaresipEvent(String type, String accountAor, String peerUri, String callId, String param) {
}
