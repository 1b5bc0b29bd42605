package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1). {@code user} and {@code password}
 * are kept as written (escaped); {@code host} keeps IPv6 brackets ({@code [2001:db8::1]});
 * {@code port} is -1 when absent; {@code headers} is the raw text after {@code ?} or null.
 */
public record SipUri(String scheme, String user, String password, String host, int port,
                     Params params, String headers) {

    public SipUri {
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (params == null) params = Params.empty();
    }

    public static SipUri of(String scheme, String user, String host, int port) {
        return new SipUri(scheme, user, null, host, port, Params.empty(), null);
    }

    public boolean secure() { return scheme.equals("sips"); }

    public Optional<String> userOpt() { return Optional.ofNullable(user); }

    public Optional<String> param(String name) { return params.get(name); }

    public SipUri withParam(String name, String value) {
        return new SipUri(scheme, user, password, host, port, params.with(name, value), headers);
    }

    public SipUri withoutParam(String name) {
        return new SipUri(scheme, user, password, host, port, params.without(name), headers);
    }

    public SipUri withUser(String newUser) {
        return new SipUri(scheme, newUser, password, host, port, params, headers);
    }

    /** Host without IPv6 brackets, as a resolver wants it. */
    public String hostAddress() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The user and host part without parameters, lowercased host: the address-of-record key. */
    public String aorKey() {
        return scheme + ":" + (user == null ? "" : user + "@") + host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a SIP or SIPS URI. Returns empty for anything that is not one (a tel: URI,
     * a malformed host, a bad port): callers answer 416 or 400 as the RFC says.
     */
    public static Optional<SipUri> parse(String text) {
        String s = text.trim();
        int colon = s.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) return Optional.empty();
        String rest = s.substring(colon + 1);
        String headers = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            headers = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (userinfo.isEmpty()) return Optional.empty();
            int pc = userinfo.indexOf(':');
            if (pc >= 0) {
                password = userinfo.substring(pc + 1);
                userinfo = userinfo.substring(0, pc);
            }
            user = userinfo;
            for (int i = 0; i < user.length(); i++) {
                char c = user.charAt(i);
                if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) return Optional.empty();
            }
        }
        String hostport;
        String paramText;
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            hostport = rest.substring(0, semi);
            paramText = rest.substring(semi + 1);
        } else {
            hostport = rest;
            paramText = null;
        }
        String host;
        int port = -1;
        if (hostport.startsWith("[")) {
            int close = hostport.indexOf(']');
            if (close < 0) return Optional.empty();
            host = hostport.substring(0, close + 1);
            String after = hostport.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) return Optional.empty();
                port = parsePort(after.substring(1));
                if (port < 0) return Optional.empty();
            }
            if (!isIpv6(host.substring(1, host.length() - 1))) return Optional.empty();
        } else {
            int pc = hostport.indexOf(':');
            if (pc >= 0) {
                host = hostport.substring(0, pc);
                port = parsePort(hostport.substring(pc + 1));
                if (port < 0) return Optional.empty();
            } else {
                host = hostport;
            }
            if (!isHostname(host)) return Optional.empty();
        }
        Params params = Params.empty();
        if (paramText != null) {
            List<Params.Param> list = new ArrayList<>();
            for (String p : paramText.split(";", -1)) {
                if (p.isEmpty()) return Optional.empty();
                int eq = p.indexOf('=');
                String name = eq >= 0 ? p.substring(0, eq) : p;
                if (name.isEmpty()) return Optional.empty();
                list.add(new Params.Param(name, eq >= 0 ? p.substring(eq + 1) : null));
            }
            params = Params.of(list);
        }
        return Optional.of(new SipUri(scheme, user, password, host, port, params, headers));
    }

    static int parsePort(String p) {
        if (p.isEmpty() || p.length() > 5) return -1;
        for (int i = 0; i < p.length(); i++) if (!Character.isDigit(p.charAt(i))) return -1;
        int v = Integer.parseInt(p);
        return v <= 65535 ? v : -1;
    }

    static boolean isHostname(String h) {
        if (h.isEmpty() || h.length() > 255) return false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '.') return false;
        }
        return true;
    }

    static boolean isIpv6(String h) {
        if (h.isEmpty() || h.indexOf(':') < 0) return false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') return false;
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(scheme).append(':');
        if (user != null) {
            sb.append(user);
            if (password != null) sb.append(':').append(password);
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        if (headers != null) sb.append('?').append(headers);
        return sb.toString();
    }
}
