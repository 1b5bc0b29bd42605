package org.switchboard.net.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Native epoll reports IPv6 peers with an explicit scope id of 0, which Java prints as
 * {@code ::1%0}: not a valid IP literal for a Via {@code received} parameter (RFC 3581).
 * A zero scope carries no information, so it is dropped; a real one (link-local) is kept,
 * as replies need it.
 */
final class Ipv6Scope {

    private Ipv6Scope() { }

    static InetSocketAddress stripZero(InetSocketAddress a) {
        if (a != null && a.getAddress() instanceof Inet6Address v6 && v6.getScopeId() == 0
                && v6.getScopedInterface() == null) {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(v6.getAddress()), a.getPort());
            } catch (UnknownHostException impossible) {
                return a;
            }
        }
        return a;
    }
}
