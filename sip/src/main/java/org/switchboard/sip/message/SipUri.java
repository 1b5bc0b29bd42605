package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1). {@code user}, {@code password},
 * parameters and {@code headers} are kept as written, escapes included, so printing gives
 * the text back; {@link #userUnescaped()} and {@link #aorKey()} decode them for comparison
 * (§19.1.4). {@code host} keeps IPv6 brackets ({@code [2001:db8::1]}); {@code port} is -1
 * when absent; {@code headers} is the raw text after {@code ?} or null.
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

    /** The user part with {@code %HH} escapes decoded ({@code %75se%72} is {@code user}). */
    public String userUnescaped() { return user == null ? null : Syntax.unescape(user); }

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

    /**
     * The address-of-record key: scheme, unescaped user and lowercased host, without port
     * or parameters, so {@code sip:%75ser@Example.COM} and {@code sip:user@example.com} match
     * (RFC 3261 §10.3 step 5, §19.1.4).
     */
    public String aorKey() {
        return scheme + ":" + (user == null ? "" : userUnescaped() + "@") + host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a SIP or SIPS URI. Returns empty for anything that is not one (a tel: URI,
     * spaces, a malformed host or escape, a bad port): callers answer 416 or 400 as the RFC
     * says. The user part may hold {@code ; ? / ,} (user-unreserved, RFC 3261 §25.1), so the
     * user info ends at the {@code @}, which no other part of a SIP URI may contain.
     */
    public static Optional<SipUri> parse(String text) {
        String s = text.strip();
        if (Syntax.hasSpaceOrControl(s)) return Optional.empty();
        return parsePrintable(s);
    }

    /**
     * {@link #parse} for text already known to hold no SP, control or non-ASCII character
     * (the parser checked the whole URI before): skips that scan.
     */
    static Optional<SipUri> parsePrintable(String s) {
        String scheme;
        if (s.regionMatches(true, 0, "sip:", 0, 4)) scheme = "sip";
        else if (s.regionMatches(true, 0, "sips:", 0, 5)) scheme = "sips";
        else return Optional.empty();
        int colon = scheme.length();
        int i = colon + 1;
        String user = null;
        String password = null;
        int at = s.indexOf('@', i);
        if (at >= 0) {
            int pc = s.indexOf(':', i);
            if (pc >= 0 && pc < at) {
                user = s.substring(i, pc);
                password = s.substring(pc + 1, at);
                if (!isUserInfoText(password)) return Optional.empty();
            } else {
                user = s.substring(i, at);
            }
            if (user.isEmpty() || !isUserInfoText(user)) return Optional.empty();
            i = at + 1;
        }
        int hostEnd = i;
        if (hostEnd < s.length() && s.charAt(hostEnd) == '[') {
            hostEnd = s.indexOf(']', hostEnd);
            if (hostEnd < 0) return Optional.empty();
            hostEnd++;
        }
        while (hostEnd < s.length() && s.charAt(hostEnd) != ':' && s.charAt(hostEnd) != ';' && s.charAt(hostEnd) != '?') hostEnd++;
        String host = s.substring(i, hostEnd);
        if (!HostSyntax.isHost(host)) return Optional.empty();
        int port = -1;
        int j = hostEnd;
        if (j < s.length() && s.charAt(j) == ':') {
            int portEnd = j + 1;
            while (portEnd < s.length() && s.charAt(portEnd) != ';' && s.charAt(portEnd) != '?') portEnd++;
            port = parsePort(s, j + 1, portEnd);
            if (port < 0) return Optional.empty();
            j = portEnd;
        }
        int q = s.indexOf('?', j);
        Params params = parseUriParams(s, j, q >= 0 ? q : s.length());
        if (params == null) return Optional.empty();
        String headers = null;
        if (q >= 0) {
            headers = s.substring(q + 1);
            if (!isHeadersText(headers)) return Optional.empty();
        }
        return Optional.of(new SipUri(scheme, user, password, host, port, params, headers));
    }

    /** {@code *( ";" pname [ "=" pvalue ] )} in {@code s[from, to)}: no LWS inside a URI, names and values of paramchar. */
    private static Params parseUriParams(String s, int from, int to) {
        if (from == to) return Params.empty();
        if (s.charAt(from) != ';') return null;
        List<Params.Param> list = new ArrayList<>(4);
        int i = from + 1;
        while (true) {
            int next = s.indexOf(';', i);
            if (next >= to) next = -1;
            int end = next < 0 ? to : next;
            int eq = s.indexOf('=', i);
            if (eq >= end) eq = -1;
            String name = s.substring(i, eq >= 0 ? eq : end);
            String value = eq >= 0 ? s.substring(eq + 1, end) : null;
            if (!isParamText(name) || (value != null && !isParamText(value))) return null;
            list.add(new Params.Param(name, value));
            if (next < 0) break;
            i = next + 1;
        }
        return Params.trusted(list);
    }

    /** user or password characters: unreserved, escaped, user-unreserved (RFC 3261 §25.1). */
    private static boolean isUserInfoText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@' || c == '<' || c == '>' || c == '"' || c == '[' || c == ']') return false;
        }
        return Syntax.hasValidEscapes(s);
    }

    /** paramchar: unreserved, escaped and {@code [ ] / : & + $}; never {@code ; = ? @}. */
    private static boolean isParamText(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == '?' || c == '@' || c == '<' || c == '>' || c == '"' || c == ',') return false;
        }
        return Syntax.hasValidEscapes(s);
    }

    private static boolean isHeadersText(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == '"' || c == '@') return false;
        }
        return Syntax.hasValidEscapes(s);
    }

    static int parsePort(String p) { return parsePort(p, 0, p.length()); }

    /** The port written in {@code s[from, to)}: 1 to 5 digits, at most 65535; else -1. */
    static int parsePort(String s, int from, int to) {
        if (to <= from || to - from > 5) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Syntax.isDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v <= 65535 ? v : -1;
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
