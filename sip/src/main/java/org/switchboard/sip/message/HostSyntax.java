package org.switchboard.sip.message;

/**
 * The {@code host} rule of RFC 3261 §25.1: a hostname, an IPv4 address, or an IPv6
 * reference in brackets. IPv6 follows RFC 4291 §2.2 text forms, and tolerates the extra
 * colon that RFC 3261's ABNF bug allows before an embedded IPv4 address, as RFC 5118
 * §4.10 asks ({@code [2001:db8:::192.0.2.1]}).
 */
final class HostSyntax {
    private HostSyntax() { }

    /** A host as it appears in a URI or Via: IPv6 must be bracketed. */
    static boolean isHost(String h) {
        if (h.isEmpty()) return false;
        if (h.charAt(0) == '[') return h.length() > 2 && h.charAt(h.length() - 1) == ']' && isIpv6(h.substring(1, h.length() - 1));
        return isHostnameOrIpv4(h);
    }

    /** A hostname or a dotted IPv4 address; a name made only of digits and dots must be a valid IPv4. */
    static boolean isHostnameOrIpv4(String h) {
        if (h.isEmpty() || h.length() > 255) return false;
        int end = h.charAt(h.length() - 1) == '.' ? h.length() - 1 : h.length(); // absolute name
        if (end == 0) return false;
        boolean allNumeric = true;
        // while all numeric, the dotted-quad rules are checked on the way: one pass for an IPv4 address
        boolean quad = true;
        int labels = 0;
        int value = 0;
        int labelStart = 0;
        for (int i = 0; i <= end; i++) {
            char c = i < end ? h.charAt(i) : '.';
            if (c == '.') {
                if (i == labelStart || h.charAt(labelStart) == '-' || h.charAt(i - 1) == '-') return false;
                if (i - labelStart > 3 || value > 255) quad = false;
                labels++;
                value = 0;
                labelStart = i + 1;
            } else if (Syntax.isDigit(c)) {
                value = value * 10 + (c - '0');
                if (value > 999) value = 999;
            } else if (Syntax.isAlpha(c) || c == '-' || c == '_') {
                allNumeric = false;
            } else {
                return false;
            }
        }
        return !allNumeric || (end == h.length() && quad && labels == 4);
    }

    /** Dotted-quad IPv4, each part 0 to 255 with at most three digits. */
    static boolean isIpv4(String h) {
        return isIpv4(h, 0, h.length());
    }

    private static boolean isIpv4(String h, int from, int to) {
        int parts = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && Syntax.isDigit(h.charAt(i))) {
                value = value * 10 + (h.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 3 || value > 255) return false;
            parts++;
            if (i == to) break;
            if (h.charAt(i) != '.' || parts == 4) return false;
            i++;
        }
        return parts == 4;
    }

    /** An IPv6 address without brackets (RFC 4291 §2.2), with the RFC 5118 §4.10 tolerance. */
    static boolean isIpv6(String h) {
        int n = h.length();
        if (n < 2 || n > 45) return false;
        int triple = h.indexOf(":::");
        if (triple >= 0) {
            // RFC 5118 §4.10: "2001:db8:::192.0.2.1" is read as "2001:db8::192.0.2.1"
            if (h.indexOf(':', triple + 3) >= 0 || !isIpv4(h, triple + 3, n)) return false;
            return isIpv6(h.substring(0, triple + 2) + h.substring(triple + 3));
        }
        int doubleColon = h.indexOf("::");
        if (doubleColon >= 0 && h.indexOf("::", doubleColon + 1) >= 0) return false;
        int groups = 0;
        int i = 0;
        if (doubleColon == 0) i = 2;
        while (i < n) {
            int start = i;
            while (i < n && Syntax.isHexDigit(h.charAt(i))) i++;
            if (i < n && h.charAt(i) == '.') {
                // embedded IPv4 tail: counts as two groups and must end the address
                if (!isIpv4(h, start, n)) return false;
                groups += 2;
                i = n;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4) return false;
            groups++;
            if (i == n) break;
            if (h.charAt(i) != ':') return false;
            if (i == doubleColon) {
                i += 2;
                if (i == n) break;
            } else {
                i++;
                if (i == n) return false;
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
