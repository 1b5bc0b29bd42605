package org.switchboard.sip.message;

/**
 * What the parser makes of bytes: a message, or an error with the status a UAS answers
 * (400, 505, 416...) when the request was readable enough to answer, or 0 when the bytes
 * must be discarded silently (RFC 3261 §18.3, unparseable or a response that cannot be matched).
 */
public sealed interface ParseResult {

    record Parsed(SipMessage message) implements ParseResult { }

    /**
     * @param status  the response status to send, or 0 to discard
     * @param reason  a short human reason, safe to put in a reason phrase
     * @param request the request as far as it could be read, for building the error response; may be null
     */
    record Failed(int status, String reason, SipRequest request) implements ParseResult { }
}
