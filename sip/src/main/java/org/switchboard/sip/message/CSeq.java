package org.switchboard.sip.message;

import java.util.Optional;

/** The CSeq header: a sequence number (0 to 2^31-1, RFC 3261 §8.1.1.5) and a method. */
public record CSeq(long number, String method) {

    public static final long MAX = (1L << 31) - 1;

    public static Optional<CSeq> parse(String value) {
        String v = value.trim();
        int sp = indexOfWhitespace(v);
        if (sp <= 0) return Optional.empty();
        String num = v.substring(0, sp);
        String method = v.substring(sp).trim();
        if (method.isEmpty() || !Syntax.isToken(method) || num.length() > 10) return Optional.empty();
        for (int i = 0; i < num.length(); i++) if (!Character.isDigit(num.charAt(i))) return Optional.empty();
        long n = Long.parseLong(num);
        if (n > MAX) return Optional.empty();
        return Optional.of(new CSeq(n, method));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ' || s.charAt(i) == '\t') return i;
        return -1;
    }

    @Override
    public String toString() { return number + " " + method; }
}
