package org.switchboard.media.dtmf;

/** What {@link SipInfoDtmf#parse} makes of an INFO body: a key press, or why there is none. */
public sealed interface SipInfoDtmfResult {

    /** @param event the key press, source {@link DtmfSource#SIP_INFO} */
    record Parsed(DtmfEvent event) implements SipInfoDtmfResult { }

    /**
     * @param reason a short fixed English reason, safe for a reason phrase or a log line: it never
     *               quotes the peer's bytes. A UAS answers such an INFO with 415 (wrong Content-Type)
     *               or 400, or 200 and ignores it, as its policy says (RFC 6086 §4.2.2).
     */
    record Failed(String reason) implements SipInfoDtmfResult { }
}
