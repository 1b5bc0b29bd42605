package org.switchboard.sip.sdp;

/**
 * What {@link SdpParser} makes of a body: a description, or the reason it is unusable.
 * A UAS answers an unusable offer with 400 or 488 (RFC 3261 §21.4.26, RFC 3264 §6); a UAC
 * that gets an unusable answer ends the session (RFC 3261 §13.2.2.4).
 */
public sealed interface SdpParseResult {

    record Parsed(SessionDescription description) implements SdpParseResult { }

    /**
     * @param reason a short fixed English reason, safe for a reason phrase or a Warning header:
     *               it never quotes the peer's bytes
     * @param line   the 1-based line where parsing stopped, or 0 when the whole body is at fault
     */
    record Failed(String reason, int line) implements SdpParseResult {
        @Override
        public String toString() { return line > 0 ? reason + " (line " + line + ")" : reason; }
    }
}
