package org.switchboard.sip.sdp;

import java.util.ArrayList;

/**
 * Character rules of the SDP grammar (RFC 8866 §9) shared by the model's checks and the
 * parser. The model refuses values that would break the line structure when printed (CR,
 * LF, NUL), so nothing a peer or a caller puts into a value can inject an extra SDP line.
 */
final class SdpSyntax {
    private SdpSyntax() { }

    /** {@code token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E}. */
    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** A non-empty word without whitespace or control characters (addresses, protos, formats). */
    static boolean isWord(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F) return false;
        }
        return true;
    }

    /** Free text of a line: anything but CR, LF and NUL (RFC 8866 §9 {@code text}). */
    static boolean isText(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) return false;
        }
        return true;
    }

    static String requireToken(String s, String what) {
        if (!isToken(s)) throw new IllegalArgumentException(what + " must be an SDP token: " + s);
        return s;
    }

    static String requireWord(String s, String what) {
        if (!isWord(s)) throw new IllegalArgumentException(what + " must be a word without spaces: " + s);
        return s;
    }

    static String requireText(String s, String what) {
        if (!isText(s)) throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
        return s;
    }

    /** Parses 1 to 18 decimal digits, or returns -1: never throws on peer input. */
    static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Splits on runs of spaces and tabs; RFC 8866 asks for one space, peers send more. */
    static String[] words(String s) {
        ArrayList<String> out = new ArrayList<>(8);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(s.charAt(i))) i++;
            int start = i;
            while (i < n && !isBlank(s.charAt(i))) i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t'; }
}
