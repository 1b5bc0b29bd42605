package org.switchboard.sip.sdp;

/**
 * Connection data, {@code c=<nettype> <addrtype> <address>} (RFC 8866 §5.7). The address
 * is kept as written, with any multicast {@code /ttl/count} suffix; {@link #host()} drops
 * the suffix. Net type is {@code IN} in practice; address types are {@code IP4} and
 * {@code IP6}; others are kept as text.
 */
public record Connection(String netType, String addrType, String address) {

    public static final String IN = "IN";
    public static final String IP4 = "IP4";
    public static final String IP6 = "IP6";

    public Connection {
        SdpSyntax.requireToken(netType, "net type");
        SdpSyntax.requireToken(addrType, "address type");
        SdpSyntax.requireWord(address, "connection address");
    }

    /** {@code IN IP6} when the address holds a colon, {@code IN IP4} otherwise. */
    public static Connection of(String address) {
        return new Connection(IN, address.indexOf(':') >= 0 ? IP6 : IP4, address);
    }

    /** The address without a multicast {@code /ttl} or {@code /count} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * True for {@code 0.0.0.0} or the IPv6 unspecified address: the RFC 2543 way to put a
     * stream on hold, which RFC 3264 §8.4 still asks every agent to understand.
     */
    public boolean isUnspecified() {
        String h = host();
        if (h.equals("0.0.0.0")) return true;
        if (h.indexOf(':') < 0) return false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c != '0' && c != ':') return false;
        }
        return true;
    }

    /** The text after {@code c=}. */
    public String text() { return netType + " " + addrType + " " + address; }

    @Override
    public String toString() { return "c=" + text(); }
}
