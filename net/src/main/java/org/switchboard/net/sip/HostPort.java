package org.switchboard.net.sip;

import java.net.InetSocketAddress;

/** An address as {@code 192.0.2.1:5060} or {@code [2001:db8::1]:5060}, for messages and logs. */
final class HostPort {

    private HostPort() { }

    static String of(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
