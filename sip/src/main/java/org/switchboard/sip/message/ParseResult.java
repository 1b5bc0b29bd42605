package org.switchboard.sip.message;

/**
 * What the parser makes of bytes: a message, or an error with the status a UAS answers
 * (400, 414, 501, 505, 513) when the request was readable enough to answer, or 0 when the
 * bytes must be discarded silently (a malformed response, or no Via to answer to).
 * Checks above syntax (416, 420, 415, 483...) are {@link RequestChecks}.
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
