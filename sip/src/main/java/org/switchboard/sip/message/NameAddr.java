package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A name-addr or addr-spec with header parameters, as in From, To, Contact, Route
 * (RFC 3261 §20.10). {@code uri} is the raw URI text (any scheme); {@link #sipUri()} parses
 * it as SIP. {@code displayName} keeps its quotes when it was quoted, or is null.
 */
public record NameAddr(String displayName, String uri, Params params) {

    public NameAddr {
        if (params == null) params = Params.empty();
    }

    public static NameAddr of(SipUri uri) {
        return new NameAddr(null, uri.toString(), Params.empty());
    }

    public Optional<SipUri> sipUri() { return SipUri.parse(uri); }

    public Optional<String> tag() { return params.get("tag"); }

    public Optional<String> param(String name) { return params.get(name); }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value));
    }

    public NameAddr withTag(String tag) { return withParam("tag", tag); }

    /** Parses one element (already split from a list by the message parser). */
    public static Optional<NameAddr> parse(String value) {
        String v = value.trim();
        if (v.isEmpty()) return Optional.empty();
        String display = null;
        String uri;
        String rest;
        int lt = firstAngleOutsideQuotes(v);
        if (lt >= 0) {
            String d = v.substring(0, lt).trim();
            if (!d.isEmpty()) {
                if (d.startsWith("\"")) {
                    if (d.length() < 2 || !d.endsWith("\"")) return Optional.empty();
                } else {
                    for (String word : d.split("[ \t]+")) if (!Syntax.isToken(word)) return Optional.empty();
                }
                display = d;
            }
            int gt = v.indexOf('>', lt);
            if (gt < 0) return Optional.empty();
            uri = v.substring(lt + 1, gt).trim();
            rest = v.substring(gt + 1).trim();
        } else {
            // addr-spec: parameters after the URI belong to the header (RFC 3261 §20)
            int semi = v.indexOf(';');
            uri = semi >= 0 ? v.substring(0, semi).trim() : v;
            rest = semi >= 0 ? v.substring(semi) : "";
            if (uri.indexOf(',') >= 0 || uri.indexOf('?') >= 0) return Optional.empty();
        }
        if (uri.isEmpty() || uri.indexOf(':') <= 0) return Optional.empty();
        Params params = Params.empty();
        if (!rest.isEmpty()) {
            if (rest.charAt(0) != ';') return Optional.empty();
            List<Params.Param> list = new ArrayList<>();
            int i = 1;
            while (i <= rest.length()) {
                int next = Syntax.indexOutsideQuotes(rest, ';', i);
                String p = (next < 0 ? rest.substring(i) : rest.substring(i, next)).trim();
                if (p.isEmpty()) return Optional.empty();
                int eq = p.indexOf('=');
                String name = (eq >= 0 ? p.substring(0, eq) : p).trim();
                String val = eq >= 0 ? p.substring(eq + 1).trim() : null;
                if (!Syntax.isToken(name)) return Optional.empty();
                list.add(new Params.Param(name, val));
                if (next < 0) break;
                i = next + 1;
            }
            params = Params.of(list);
        }
        return Optional.of(new NameAddr(display, uri, params));
    }

    private static int firstAngleOutsideQuotes(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) sb.append(displayName).append(' ');
        sb.append('<').append(uri).append('>');
        params.appendTo(sb);
        return sb.toString();
    }
}
