package org.switchboard.pbx.extension;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A SIP password in memory. Its {@link #toString()} never shows it, so it cannot leak into
 * a log line by accident; only {@link #reveal()} gives the text, for digest computation and
 * the single time a generated password is shown to the administrator.
 */
public final class SipSecret {
    /** Shortest password accepted from an administrator. */
    public static final int MIN_LENGTH = 8;

    private final String value;

    private SipSecret(String value) { this.value = value; }

    public static SipSecret of(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a SIP password needs at least " + MIN_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) throw new IllegalArgumentException("a SIP password uses printable ASCII without spaces");
        }
        return new SipSecret(value);
    }

    public String reveal() { return value; }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipSecret s && MessageDigest.isEqual(
                s.value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() { return 0; }

    @Override
    public String toString() { return "SipSecret[hidden]"; }
}
