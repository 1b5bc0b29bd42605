package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Via element (RFC 3261 §20.42): {@code SIP/2.0/UDP host:port;branch=z9hG4bK...}.
 * {@code transport} is upper-case as written; {@code port} is -1 when absent.
 */
public record Via(String transport, String host, int port, Params params) {

    /** The RFC 3261 branch prefix: transactions of RFC 2543 peers lack it. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        transport = transport.toUpperCase(Locale.ROOT);
        if (params == null) params = Params.empty();
    }

    public Optional<String> branch() { return params.get("branch"); }

    public Optional<String> received() { return params.get("received"); }

    /** The rport value: empty if absent or a flag without value; see {@link #hasRport()}. */
    public Optional<String> rport() { return params.get("rport"); }

    public boolean hasRport() { return params.has("rport"); }

    public Via withParam(String name, String value) { return new Via(transport, host, port, params.with(name, value)); }

    /** The sent-by host without IPv6 brackets. */
    public String hostAddress() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Parses one Via element (already split from a list). */
    public static Optional<Via> parse(String value) {
        String v = value.trim();
        // sent-protocol: SIP / 2.0 / transport, LWS allowed around the slashes
        int slash1 = v.indexOf('/');
        if (slash1 < 0) return Optional.empty();
        int slash2 = v.indexOf('/', slash1 + 1);
        if (slash2 < 0) return Optional.empty();
        String name = v.substring(0, slash1).trim();
        String version = v.substring(slash1 + 1, slash2).trim();
        if (!name.equalsIgnoreCase("SIP") || !version.equals("2.0")) return Optional.empty();
        String rest = v.substring(slash2 + 1).trim();
        int i = 0;
        while (i < rest.length() && Syntax.isTokenChar(rest.charAt(i))) i++;
        String transport = rest.substring(0, i);
        if (transport.isEmpty()) return Optional.empty();
        rest = rest.substring(i).trim();
        int semi = Syntax.indexOutsideQuotes(rest, ';', 0);
        String sentBy = (semi >= 0 ? rest.substring(0, semi) : rest).trim();
        String paramText = semi >= 0 ? rest.substring(semi + 1) : null;
        // a comment after sent-by (RFC 2543 style) is not allowed; spaces around ':' are
        sentBy = sentBy.replaceAll("\\s*:\\s*(\\d+)$", ":$1");
        String host;
        int port = -1;
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            if (close < 0 || !SipUri.isIpv6(sentBy.substring(1, close))) return Optional.empty();
            host = sentBy.substring(0, close + 1);
            String after = sentBy.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":") || (port = SipUri.parsePort(after.substring(1))) < 0) return Optional.empty();
            }
        } else {
            int colon = sentBy.indexOf(':');
            host = colon >= 0 ? sentBy.substring(0, colon) : sentBy;
            if (colon >= 0 && (port = SipUri.parsePort(sentBy.substring(colon + 1))) < 0) return Optional.empty();
            if (!SipUri.isHostname(host)) return Optional.empty();
        }
        List<Params.Param> list = new ArrayList<>();
        if (paramText != null) {
            int start = 0;
            while (true) {
                int next = Syntax.indexOutsideQuotes(paramText, ';', start);
                String p = (next < 0 ? paramText.substring(start) : paramText.substring(start, next)).trim();
                if (p.isEmpty()) return Optional.empty();
                int eq = p.indexOf('=');
                String pn = (eq >= 0 ? p.substring(0, eq) : p).trim();
                if (!Syntax.isToken(pn)) return Optional.empty();
                list.add(new Params.Param(pn, eq >= 0 ? p.substring(eq + 1).trim() : null));
                if (next < 0) break;
                start = next + 1;
            }
        }
        return Optional.of(new Via(transport, host, port, Params.of(list)));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        return sb.toString();
    }
}
