package org.switchboard.sip.message;

/** Character classes of the RFC 3261 §25 grammar. */
public final class Syntax {
    private Syntax() { }

    /** {@code token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )}. */
    public static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    public static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!isTokenChar(s.charAt(i))) return false;
        return true;
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
}
