package org.switchboard.sip.transaction;

import java.nio.charset.StandardCharsets;

/**
 * The hash that picks a message's shard, computed from the Call-ID. {@link #of(byte[])} scans
 * raw bytes without parsing (so the network thread hands off at once) and agrees with
 * {@link #of(String)} on the parsed Call-ID, which {@link SipStack#sendRequest} uses: both
 * hash the trimmed value's bytes the way {@link String#hashCode()} hashes ASCII text.
 */
final class CallIdHash {
    private CallIdHash() { }

    /** Hash of a Call-ID value. */
    static int of(String callId) {
        String v = callId.strip();
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
                return hash(utf8, 0, utf8.length);
            }
        }
        return v.hashCode();
    }

    /** Hash of the first Call-ID header ({@code Call-ID} or compact {@code i}) in a raw message; 0 when absent. */
    static int of(byte[] m) {
        int n = m.length;
        int i = nextLine(m, 0);
        while (i < n && m[i] != '\r' && m[i] != '\n') {
            int nameEnd = i;
            while (nameEnd < n && m[nameEnd] != ':' && m[nameEnd] != ' ' && m[nameEnd] != '\t'
                    && m[nameEnd] != '\r' && m[nameEnd] != '\n') nameEnd++;
            int j = skipBlanks(m, nameEnd);
            if (j < n && m[j] == ':' && isCallIdName(m, i, nameEnd)) {
                int start = skipBlanks(m, j + 1);
                int end = start;
                while (end < n && m[end] != '\r' && m[end] != '\n') end++;
                while (end > start && (m[end - 1] == ' ' || m[end - 1] == '\t')) end--;
                return hash(m, start, end);
            }
            i = nextLine(m, i);
        }
        return 0;
    }

    private static int hash(byte[] m, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) h = 31 * h + (m[k] & 0xff);
        return h;
    }

    private static boolean isCallIdName(byte[] m, int from, int to) {
        int len = to - from;
        if (len == 1) return (m[from] | 0x20) == 'i';
        if (len != 7) return false;
        String expected = "call-id";
        for (int k = 0; k < 7; k++) {
            int c = m[from + k];
            if (c >= 'A' && c <= 'Z') c |= 0x20;
            if (c != expected.charAt(k)) return false;
        }
        return true;
    }

    private static int skipBlanks(byte[] m, int i) {
        while (i < m.length && (m[i] == ' ' || m[i] == '\t')) i++;
        return i;
    }

    private static int nextLine(byte[] m, int i) {
        while (i < m.length && m[i] != '\n') i++;
        return i + 1;
    }
}
