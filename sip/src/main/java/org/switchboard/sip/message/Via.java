package org.switchboard.sip.message;

import java.util.Locale;
import java.util.Optional;

/**
 * One Via element (RFC 3261 §20.42): {@code SIP/2.0/UDP host:port;branch=z9hG4bK...}.
 * {@code transport} is upper-case; {@code host} keeps IPv6 brackets; {@code port} is -1
 * when absent.
 */
public record Via(String transport, String host, int port, Params params) {

    /** The RFC 3261 branch prefix (§8.1.1.7): transactions of RFC 2543 peers lack it. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        transport = transport.toUpperCase(Locale.ROOT);
        if (params == null) params = Params.empty();
    }

    public Optional<String> branch() { return params.get("branch"); }

    public Optional<String> received() { return params.get("received"); }

    /**
     * The received address without IPv6 brackets: RFC 3261's grammar writes it bare, many
     * implementations bracket it, and RFC 5118 §4.5 asks receivers to accept both.
     */
    public Optional<String> receivedAddress() {
        return received().map(r -> r.startsWith("[") && r.endsWith("]") ? r.substring(1, r.length() - 1) : r);
    }

    /** The rport value: empty if absent or a flag without value; see {@link #hasRport()}. */
    public Optional<String> rport() { return params.get("rport"); }

    public boolean hasRport() { return params.has("rport"); }

    /** True when the branch carries the RFC 3261 magic cookie. */
    public boolean hasRfc3261Branch() { return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false); }

    public Via withParam(String name, String value) { return new Via(transport, host, port, params.with(name, value)); }

    /** The sent-by host without IPv6 brackets. */
    public String hostAddress() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Parses one Via element (already split from a list). LWS is allowed around the slashes
     * of sent-protocol, around the colon of sent-by and around {@code ;} and {@code =};
     * at least one LWS separates sent-protocol from sent-by (RFC 3261 §25.1).
     */
    public static Optional<Via> parse(String value) {
        String v = value.strip();
        int n = v.length();
        int[] pos = {0};
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport
        String name = token(v, pos);
        if (!name.equalsIgnoreCase("SIP") || !slash(v, pos)) return Optional.empty();
        String version = token(v, pos);
        if (!version.equals("2.0") || !slash(v, pos)) return Optional.empty();
        String transport = token(v, pos);
        if (transport.isEmpty()) return Optional.empty();
        int i = pos[0];
        if (i >= n || !Syntax.isWhitespace(v.charAt(i))) return Optional.empty();
        while (i < n && Syntax.isWhitespace(v.charAt(i))) i++;
        // sent-by = host [ COLON port ]
        int hostStart = i;
        if (i < n && v.charAt(i) == '[') {
            int close = v.indexOf(']', i);
            if (close < 0) return Optional.empty();
            i = close + 1;
        } else {
            while (i < n && isHostChar(v.charAt(i))) i++;
        }
        String host = v.substring(hostStart, i);
        if (!HostSyntax.isHost(host)) return Optional.empty();
        int port = -1;
        int j = skipWhitespace(v, i);
        if (j < n && v.charAt(j) == ':') {
            j = skipWhitespace(v, j + 1);
            int portStart = j;
            while (j < n && Syntax.isDigit(v.charAt(j))) j++;
            port = SipUri.parsePort(v.substring(portStart, j));
            if (port < 0) return Optional.empty();
            j = skipWhitespace(v, j);
        }
        Params params = Params.parseGeneric(v, j);
        if (params == null) return Optional.empty();
        return Optional.of(new Via(transport, host, port, params));
    }

    private static boolean isHostChar(char c) {
        return Syntax.isAlpha(c) || Syntax.isDigit(c) || c == '.' || c == '-' || c == '_';
    }

    private static String token(String v, int[] pos) {
        int i = skipWhitespace(v, pos[0]);
        int start = i;
        while (i < v.length() && Syntax.isTokenChar(v.charAt(i))) i++;
        pos[0] = i;
        return v.substring(start, i);
    }

    private static boolean slash(String v, int[] pos) {
        int i = skipWhitespace(v, pos[0]);
        if (i >= v.length() || v.charAt(i) != '/') return false;
        pos[0] = i + 1;
        return true;
    }

    private static int skipWhitespace(String v, int i) {
        while (i < v.length() && Syntax.isWhitespace(v.charAt(i))) i++;
        return i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        return sb.toString();
    }
}
