package org.switchboard.sip.transaction;

import java.util.Objects;

/**
 * The address this stack writes as sent-by in the Via of its requests (RFC 3261 §18.1.1):
 * where responses should come back for one transport, e.g. the public IP and port of the
 * UDP listener. A bare IPv6 address gets brackets.
 */
public record SentBy(String host, int port) {

    public SentBy {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("sent-by host is blank");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("sent-by port out of range: " + port);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
    }

    /** {@code host:port}, as written in a Via. */
    @Override
    public String toString() { return host + ":" + port; }
}
