package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * Character classes and small scanners of the RFC 3261 §25 grammar. Every scanner is a
 * plain loop over a {@code String}: no regular expressions, no allocation on the happy path.
 */
public final class Syntax {
    private Syntax() { }

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (char c : "-.!%*_+`'~".toCharArray()) TOKEN[c] = true;
    }

    /** {@code token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )}. */
    public static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    public static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!isTokenChar(s.charAt(i))) return false;
        return true;
    }

    /** SP or HTAB: the white space that LWS is made of once lines are unfolded. */
    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code s} without leading and trailing SP and HTAB (and nothing else: LWS only). */
    public static String trimLws(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isWhitespace(s.charAt(b))) b++;
        while (e > b && isWhitespace(s.charAt(e - 1))) e--;
        return b == 0 && e == s.length() ? s : s.substring(b, e);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** True when {@code s} is 1 to {@code maxDigits} ASCII digits. */
    static boolean isDigits(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) return false;
        for (int i = 0; i < s.length(); i++) if (!isDigit(s.charAt(i))) return false;
        return true;
    }

    /**
     * Index just after the quoted-string that opens at {@code start} (which holds {@code "}),
     * honouring quoted-pairs ({@code \"}, {@code \\}); -1 when the string is not terminated.
     */
    public static int endOfQuoted(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i + 1;
        }
        return -1;
    }

    /** Finds {@code c} outside double quotes and angle brackets, from {@code from}; -1 when absent. */
    public static int indexOutsideQuotes(String s, char c, int from) {
        boolean quoted = false;
        int angle = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\') i++;
                else if (ch == '"') quoted = false;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '<') {
                angle++;
            } else if (ch == '>' && angle > 0) {
                angle--;
            } else if (ch == c && angle == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The content of a quoted-string with its quoted-pairs resolved ({@code "a \"b\""} gives
     * {@code a "b"}); a value without quotes is returned as is.
     */
    public static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) c = s.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    /** Quotes a display name or parameter value, escaping {@code "} and {@code \\} (RFC 3261 §25.1); CR and LF are dropped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            if (c != '\r' && c != '\n') sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** True when every {@code %} in {@code s} starts a well-formed escape {@code %HH}. */
    static boolean hasValidEscapes(String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || !isHexDigit(s.charAt(i + 1)) || !isHexDigit(s.charAt(i + 2))) return false;
        }
        return true;
    }

    /**
     * Decodes {@code %HH} escapes (RFC 3261 §19.1.2) as UTF-8; malformed escapes are kept
     * as written and invalid UTF-8 becomes U+FFFD. Used to compare URIs, never to print them.
     */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0) return s;
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && isHexDigit((char) in[i + 1]) && isHexDigit((char) in[i + 2])) {
                out[n++] = (byte) (Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Index of the first SP or HTAB in {@code s}, or -1. */
    static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) if (isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    /** True when {@code s} contains a control character, SP, or a character outside ASCII. */
    static boolean hasSpaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) return true;
        }
        return false;
    }
}
