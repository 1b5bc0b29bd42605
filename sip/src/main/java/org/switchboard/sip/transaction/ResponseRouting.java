package org.switchboard.sip.transaction;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.switchboard.sip.message.Params;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * Where responses go: the server transport rules of RFC 3261 §18.2.1 (stamp {@code received})
 * and §18.2.2 (send back), with the symmetric response routing of RFC 3581 §4 ({@code rport}).
 *
 * <p>Because {@code received} is stamped whenever sent-by is not the source IP, the response
 * IP is always the request's source IP, so no DNS lookup is ever needed. Not supported: the
 * {@code maddr} (multicast) rule of §18.2.2, which is ignored.
 */
final class ResponseRouting {
    private ResponseRouting() { }

    /**
     * The top Via as a server must see it before matching and answering: with {@code received}
     * when the sent-by host is not the source IP (§18.2.1) or an empty {@code rport} is present,
     * and {@code rport} filled with the source port (RFC 3581 §4). Returns {@code top} itself
     * when nothing changes.
     */
    static Via stamp(Via top, Flow flow) {
        InetAddress source = flow.remote().getAddress();
        boolean fillRport = hasEmptyRport(top);
        if (!fillRport && sameAddress(top.hostAddress(), source)) return top;
        Via v = top.withParam("received", ipText(flow.remote()));
        if (fillRport) v = v.withParam("rport", Integer.toString(flow.remote().getPort()));
        return v;
    }

    /** The request with {@code stamped} as its top Via; the request itself when the Via is unchanged. */
    static SipRequest withTopVia(SipRequest request, Via original, Via stamped) {
        if (stamped == original) return request;
        return request.withHeaders(request.headers().withTopVia(stamped));
    }

    /**
     * The flow a response leaves on. Reliable: the request's own connection (§18.2.2, RFC 5626
     * flows). Unreliable: from the socket the request came in on, to the source IP and, with
     * {@code rport}, the source port, or else the sent-by port (default 5060).
     */
    static Flow responseFlow(Via stamped, Flow flow) {
        // with rport the response goes back to the source port, the value we stamped (RFC 3581 §4)
        if (flow.transport().reliable() || stamped.hasRport()) return flow;
        int port = port(stamped, flow.transport());
        if (port == flow.remote().getPort()) return flow;
        return new Flow(flow.transport(), flow.local(), new InetSocketAddress(flow.remote().getAddress(), port));
    }

    /** Where to open a new connection when the request's connection is gone (§18.2.2): source IP, sent-by port. */
    static InetSocketAddress reconnectAddress(Via stamped, Flow flow) {
        return new InetSocketAddress(flow.remote().getAddress(), port(stamped, flow.transport()));
    }

    private static boolean hasEmptyRport(Via via) {
        for (Params.Param p : via.params().list()) {
            if (p.name().equalsIgnoreCase("rport")) return p.value() == null || p.value().isEmpty();
        }
        return false;
    }

    private static int port(Via via, Transport transport) {
        if (via.port() > 0) return via.port();
        return transport.secure() ? 5061 : 5060;
    }

    /** True when {@code host} is an IP literal equal to {@code address}; host names never are. */
    static boolean sameAddress(String host, InetAddress address) {
        if (address == null || host.isEmpty()) return false;
        char c = host.charAt(0);
        if (!(c >= '0' && c <= '9') && host.indexOf(':') < 0) return false;
        if (address instanceof Inet4Address v4) {
            long literal = dottedQuad(host);
            if (literal >= 0) {
                byte[] b = v4.getAddress();
                return literal == ((b[0] & 0xffL) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
            }
        }
        try {
            return InetAddress.ofLiteral(host).equals(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@code d.d.d.d} with each part 0 to 255 in one to three decimal digits, as a number; -1
     * for anything else (which {@link InetAddress#ofLiteral} then judges). The usual Via host,
     * read without allocating.
     */
    static long dottedQuad(String s) {
        int n = s.length();
        if (n < 7 || n > 15) return -1;
        long value = 0;
        int part = 0;
        int digits = 0;
        int parts = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) return -1;
            } else if (c == '.' && digits > 0 && parts < 4) {
                value = value << 8 | part;
                parts++;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return parts == 4 ? value : -1;
    }

    /** The IP of an address as text for {@code received}: no brackets, no IPv6 scope. */
    static String ipText(InetSocketAddress a) {
        String ip = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        int pct = ip.indexOf('%');
        return pct >= 0 ? ip.substring(0, pct) : ip;
    }
}
