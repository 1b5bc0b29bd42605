package org.switchboard.sip.message;

import java.util.Optional;

/**
 * The CSeq header: a sequence number and a method (RFC 3261 §20.16). The number must be
 * below 2^31 (§8.1.1.5); a larger one makes the message malformed (RFC 4475 §3.1.2.4).
 */
public record CSeq(long number, String method) {

    public static final long MAX = (1L << 31) - 1;

    /** Parses {@code 1*DIGIT LWS Method}; leading zeros are allowed ({@code 0009 INVITE}). */
    public static Optional<CSeq> parse(String value) {
        String v = value.strip();
        int sp = Syntax.indexOfWhitespace(v);
        if (sp <= 0) return Optional.empty();
        String num = v.substring(0, sp);
        String method = v.substring(sp).strip();
        if (!Syntax.isToken(method) || !Syntax.isDigits(num, 10)) return Optional.empty();
        long n = Long.parseLong(num);
        if (n > MAX) return Optional.empty();
        return Optional.of(new CSeq(n, method));
    }

    @Override
    public String toString() { return number + " " + method; }
}
