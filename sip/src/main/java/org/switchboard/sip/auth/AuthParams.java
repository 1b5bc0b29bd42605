package org.switchboard.sip.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.sip.message.Syntax;

/**
 * The {@code scheme auth-param *(, auth-param)} syntax of RFC 3261 §25.1 (challenge and
 * credentials): parameter names case-insensitive (stored lower case), values a token or a
 * quoted-string with {@code \} escapes. Values are returned unquoted. A repeated parameter
 * makes the whole header invalid, so two parsers can never disagree on which one counts.
 */
record AuthParams(String scheme, Map<String, String> params) {

    /** Longest header value considered (the SIP parser limits lines to 8 KiB anyway). */
    static final int MAX_LENGTH = 4096;

    String get(String name) { return params.get(name); }

    static Optional<AuthParams> parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) return Optional.empty();
        String s = header;
        int n = s.length();
        int i = skipSpace(s, 0);
        int start = i;
        while (i < n && isTokenChar(s.charAt(i))) i++;
        if (i == start || i >= n || !isSpace(s.charAt(i))) return Optional.empty();
        String scheme = s.substring(start, i);
        Map<String, String> params = new HashMap<>(16);
        while (true) {
            i = skipSpace(s, i);
            while (i < n && s.charAt(i) == ',') i = skipSpace(s, i + 1); // empty list elements
            if (i >= n) break;
            start = i;
            while (i < n && isTokenChar(s.charAt(i))) i++;
            if (i == start) return Optional.empty();
            String name = name(s, start, i);
            i = skipSpace(s, i);
            if (i >= n || s.charAt(i) != '=') return Optional.empty();
            i = skipSpace(s, i + 1);
            if (i >= n) return Optional.empty();
            String value;
            int plainEnd = s.charAt(i) == '"' ? plainQuotedEnd(s, i + 1) : -1;
            if (plainEnd >= 0) {
                // the usual quoted-string, without quoted-pairs: its content as is
                value = s.substring(i + 1, plainEnd);
                i = plainEnd + 1;
            } else if (s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\') {
                        if (i >= n) return Optional.empty();
                        c = s.charAt(i++);
                    }
                    if (c == '\r' || c == '\n') return Optional.empty();
                    sb.append(c);
                }
                if (!closed) return Optional.empty();
                value = sb.toString();
            } else {
                start = i;
                while (i < n && s.charAt(i) != ',' && !isSpace(s.charAt(i)) && s.charAt(i) != '"') i++;
                if (i == start) return Optional.empty();
                value = s.substring(start, i);
            }
            if (params.putIfAbsent(name, value) != null) return Optional.empty();
            i = skipSpace(s, i);
            if (i < n && s.charAt(i) != ',') return Optional.empty();
        }
        return params.isEmpty() ? Optional.empty() : Optional.of(new AuthParams(scheme, params));
    }

    /** The names of Digest credentials and challenges (RFC 7616 §3.3, §3.4), in lower case. */
    private static final String[] KNOWN = {"username", "realm", "nonce", "uri", "response", "algorithm", "cnonce",
        "opaque", "qop", "nc", "stale", "domain", "userhash", "charset"};

    /** The parameter name (a token, so ASCII) in lower case; a known one without allocating. */
    private static String name(String s, int from, int to) {
        for (String k : KNOWN) {
            if (k.length() == to - from && s.regionMatches(true, from, k, 0, k.length())) return k;
        }
        return s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /**
     * The index of the closing quote of a quoted-string whose content starts at {@code from}
     * and holds no backslash, CR or LF; -1 otherwise (the general loop then reads it).
     */
    private static int plainQuotedEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') return i;
            if (c == '\\' || c == '\r' || c == '\n') return -1;
        }
        return -1;
    }

    /** Appends {@code name="value"} with {@code "} and {@code \} escaped (RFC 3261 §25.1 quoted-pair). */
    static void appendQuoted(StringBuilder sb, String name, String value) {
        sb.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        sb.append('"');
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isTokenChar(char c) {
        return Syntax.isTokenChar(c);
    }
}
