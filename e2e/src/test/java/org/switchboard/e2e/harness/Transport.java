package org.switchboard.e2e.harness;

import java.util.Locale;

/** The SIP transports the tests exercise (RFC 3261 section 18; TLS per RFC 5630). */
public enum Transport {
    UDP("u1"),
    TCP("t1"),
    TLS(null);

    private final String sippMode;

    Transport(String sippMode) {
        this.sippMode = sippMode;
    }

    /** SIPp's {@code -t} value (one socket for all calls); SIPp 3.6.1 on Debian has no TLS. */
    public String sippMode() {
        if (sippMode == null) {
            throw new UnsupportedOperationException("SIPp 3.6.1 as packaged has no TLS: use baresip or linphonec");
        }
        return sippMode;
    }

    /** The value of a URI's {@code transport} parameter and of {@code registrations --json}'s field. */
    public String uriParameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
