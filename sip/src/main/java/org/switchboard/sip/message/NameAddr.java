package org.switchboard.sip.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A name-addr or addr-spec with header parameters, as in From, To, Contact, Route
 * (RFC 3261 §20.10, §25.1). {@code uri} is the URI text as written (any scheme);
 * {@link #sipUri()} parses it as SIP. {@code displayName} is kept as written, quotes and
 * quoted-pairs included, or is null; {@link #displayNameText()} gives its plain text.
 *
 * <p>An immutable value compared by its three components, like a record. It is a class so
 * that it can keep the {@link SipUri} that {@link #parse} had to build to validate a SIP
 * URI: From, To and Contact are read several times per request, and parsing each URI once
 * is a large part of a registrar's work.
 */
public final class NameAddr {
    /** {@code Contact: *} as an element of {@link SipMessage#contacts()}. */
    static final NameAddr STAR = new NameAddr(null, "*", Params.empty(), Optional.empty());

    private final String displayName;
    private final String uri;
    private final Params params;
    /** {@link #sipUri()}: null until computed (racy but idempotent, like {@code String.hashCode}). */
    private Optional<SipUri> sipUri;

    public NameAddr(String displayName, String uri, Params params) {
        this(displayName, uri, params, null);
    }

    private NameAddr(String displayName, String uri, Params params, Optional<SipUri> sipUri) {
        this.displayName = displayName;
        this.uri = uri;
        this.params = params == null ? Params.empty() : params;
        this.sipUri = sipUri;
    }

    /** The display name as written (quotes included), or null. */
    public String displayName() { return displayName; }

    /** The URI text as written, any scheme. */
    public String uri() { return uri; }

    /** The header parameters ({@code ;tag=...}, {@code ;expires=...}). */
    public Params params() { return params; }

    public static NameAddr of(SipUri uri) {
        return new NameAddr(null, uri.toString(), Params.empty());
    }

    /** A name-addr with a display name quoted as needed (escaping {@code "} and {@code \}). */
    public static NameAddr of(String displayText, SipUri uri) {
        return new NameAddr(displayText == null || displayText.isEmpty() ? null : Syntax.quote(displayText),
                uri.toString(), Params.empty());
    }

    /** The URI parsed as SIP or SIPS, empty for another scheme; parsed at most once. */
    public Optional<SipUri> sipUri() {
        Optional<SipUri> s = sipUri;
        if (s == null) {
            s = uri == null ? Optional.empty() : SipUri.parse(uri);
            sipUri = s;
        }
        return s;
    }

    /** The display name without quotes and quoted-pairs, or null. */
    public String displayNameText() { return displayName == null ? null : Syntax.unquote(displayName); }

    public Optional<String> tag() { return params.get("tag"); }

    public Optional<String> param(String name) { return params.get(name); }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value), sipUri);
    }

    public NameAddr withTag(String tag) { return withParam("tag", tag); }

    /**
     * Parses one element (already split from a list by the message parser). In the
     * addr-spec form (no angle brackets) every {@code ;parameter} belongs to the header, not
     * the URI, and the URI must not contain {@code , ? ;} (RFC 3261 §20.10). Inside angle
     * brackets no white space is allowed (RFC 4475 §3.1.2.14). A SIP or SIPS URI must parse
     * as one; other schemes need only be an absolute URI.
     */
    public static Optional<NameAddr> parse(String value) {
        String v = value.strip();
        int n = v.length();
        if (n == 0) return Optional.empty();
        String display = null;
        String uri;
        int rest;
        int lt;
        if (v.charAt(0) == '"') {
            int end = Syntax.endOfQuoted(v, 0);
            if (end < 0) return Optional.empty();
            display = v.substring(0, end);
            lt = skipWhitespace(v, end);
            if (lt >= n || v.charAt(lt) != '<') return Optional.empty();
        } else {
            // an unquoted display name is *(token LWS): the first other character decides the form
            int i = 0;
            while (i < n && (Syntax.isTokenChar(v.charAt(i)) || Syntax.isWhitespace(v.charAt(i)))) i++;
            lt = i < n && v.charAt(i) == '<' ? i : -1;
            if (lt > 0) {
                String d = v.substring(0, lt).strip();
                display = d.isEmpty() ? null : d;
            }
        }
        if (lt >= 0) {
            int gt = v.indexOf('>', lt + 1);
            if (gt < 0) return Optional.empty();
            uri = v.substring(lt + 1, gt);
            rest = skipWhitespace(v, gt + 1);
        } else {
            int semi = v.indexOf(';');
            uri = (semi >= 0 ? v.substring(0, semi) : v).stripTrailing();
            rest = semi >= 0 ? semi : n;
            if (uri.indexOf(',') >= 0 || uri.indexOf('?') >= 0) return Optional.empty();
        }
        Optional<SipUri> sip = absoluteUri(uri);
        if (sip == null) return Optional.empty();
        Params params = Params.parseGeneric(v, rest);
        if (params == null) return Optional.empty();
        return Optional.of(new NameAddr(display, uri, params, sip));
    }

    /** {@code scheme ":" 1*uric}: a scheme, then no white space, controls, quotes or angle brackets. */
    static boolean isAbsoluteUri(String uri) {
        return absoluteUri(uri) != null;
    }

    /**
     * As {@link #isAbsoluteUri}, keeping the work: null when {@code uri} is not an absolute URI,
     * the parsed URI when it is a SIP or SIPS one, empty for another scheme.
     */
    static Optional<SipUri> absoluteUri(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0 || colon == uri.length() - 1 || !isScheme(uri, colon)) return null;
        for (int i = colon + 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"') return null;
        }
        boolean sip = colon == 3 && uri.regionMatches(true, 0, "sip", 0, 3);
        boolean sips = colon == 4 && uri.regionMatches(true, 0, "sips", 0, 4);
        if (sip || sips) {
            // the loop above rejected SP, controls and non-ASCII: nothing for parse to strip or scan again
            Optional<SipUri> parsed = SipUri.parsePrintable(uri);
            return parsed.isPresent() ? parsed : null;
        }
        return Syntax.hasValidEscapes(uri) ? Optional.empty() : null;
    }

    /** {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}, ending before {@code end}. */
    static boolean isScheme(String s, int end) {
        if (end <= 0 || !Syntax.isAlpha(s.charAt(0))) return false;
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!Syntax.isAlpha(c) && !Syntax.isDigit(c) && c != '+' && c != '-' && c != '.') return false;
        }
        return true;
    }

    private static int skipWhitespace(String v, int i) {
        while (i < v.length() && Syntax.isWhitespace(v.charAt(i))) i++;
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameAddr n && Objects.equals(n.displayName, displayName) && Objects.equals(n.uri, uri)
                && n.params.equals(params);
    }

    @Override
    public int hashCode() { return Objects.hash(displayName, uri, params); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) sb.append(displayName).append(' ');
        sb.append('<').append(uri).append('>');
        params.appendTo(sb);
        return sb.toString();
    }
}
