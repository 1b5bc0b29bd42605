package org.switchboard.pbx.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code key=value key="quoted value"} line format of the security log (logfmt style):
 * one line, space-separated pairs, keys are plain words. A value made only of safe
 * characters is written bare; any other value is quoted with {@code \"} and {@code \\}
 * escaped, and control characters become {@code ?} so a value can never break the line
 * (no log injection through a crafted username).
 */
public final class KeyValueLine {

    /** Longest value written; longer values are cut (an attacker chooses usernames). */
    public static final int MAX_VALUE_LENGTH = 128;

    private final StringBuilder sb = new StringBuilder(160);

    /** Appends one pair; a null value is written as {@code ""}. */
    public KeyValueLine add(String key, String value) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(key).append('=');
        String v = value == null ? "" : value;
        if (v.length() > MAX_VALUE_LENGTH) v = v.substring(0, MAX_VALUE_LENGTH);
        if (!v.isEmpty() && isBare(v)) {
            sb.append(v);
        } else {
            sb.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"' || c == '\\') sb.append('\\').append(c);
                else if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') sb.append('?');
                else sb.append(c);
            }
            sb.append('"');
        }
        return this;
    }

    @Override
    public String toString() { return sb.toString(); }

    /** Parses a line written by this class back into its pairs, in order; empty if it is not one. */
    public static Optional<Map<String, String>> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i >= n) break;
            int eq = line.indexOf('=', i);
            if (eq <= i) return Optional.empty();
            String key = line.substring(i, eq);
            if (key.indexOf(' ') >= 0 || key.indexOf('"') >= 0) return Optional.empty();
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i < n) c = line.charAt(i++);
                    v.append(c);
                }
                if (!closed) return Optional.empty();
                if (i < n && line.charAt(i) != ' ') return Optional.empty();
            } else {
                while (i < n && line.charAt(i) != ' ') {
                    char c = line.charAt(i++);
                    if (c == '"') return Optional.empty();
                    v.append(c);
                }
            }
            out.put(key, v.toString());
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean isBare(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "._:@/+-[]*%~,".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
