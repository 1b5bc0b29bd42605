package org.switchboard.sip.transport;

import java.util.Locale;
import java.util.Optional;

/** A SIP transport as named in Via headers and {@code transport=} URI parameters. */
public enum Transport {
    UDP(false, false), TCP(true, false), TLS(true, true), WS(true, false), WSS(true, true);

    private final boolean reliable;
    private final boolean secure;

    Transport(boolean reliable, boolean secure) {
        this.reliable = reliable;
        this.secure = secure;
    }

    /** Reliable transports carry no retransmissions (RFC 3261 §17: timers A, E, G, K... differ). */
    public boolean reliable() { return reliable; }

    public boolean secure() { return secure; }

    /** The token used in a Via header, e.g. {@code SIP/2.0/TLS}. */
    public String viaName() { return name(); }

    /** Parses a Via transport or URI {@code transport=} value, case-insensitively. */
    public static Optional<Transport> fromName(String name) {
        if (name == null) return Optional.empty();
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
