package org.switchboard.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a message came from or goes to: the transport, our local socket address and the
 * peer's address. For connection-oriented transports the flow names the connection
 * (RFC 5626 sense): a response sent on a flow goes back on the same connection when it is
 * still open. Addresses are always resolved IP literals, never host names.
 */
public record Flow(Transport transport, InetSocketAddress local, InetSocketAddress remote) {
    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    /** The remote address as text for logs: {@code udp:192.0.2.1:5060}, IPv6 in brackets. */
    public String remoteText() {
        return transport.name().toLowerCase(java.util.Locale.ROOT) + ":" + hostPort(remote);
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        return host + ":" + a.getPort();
    }
}
