package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A SIP request. {@code uri} is the Request-URI as written (it may be a tel: or other
 * absolute URI); {@link #sipUri()} parses it as SIP. The body array is copied in and out,
 * so the value cannot change. The method must be a token and the URI must hold no white
 * space, so the request line always prints as {@code Method SP Request-URI SP SIP/2.0}.
 *
 * <p>An immutable value compared by method, URI, headers and body, like a record. It is a
 * class so that it can keep the parsed Request-URI: the parser builds it while validating,
 * and the transaction user reads it again several times.
 */
public final class SipRequest implements SipMessage {

    static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String uri;
    private final Headers headers;
    private final byte[] body;
    /** {@link #sipUri()}: null until computed (racy but idempotent, like {@code String.hashCode}). */
    private Optional<SipUri> sipUri;

    public SipRequest(String method, String uri, Headers headers, byte[] body) {
        this(method, uri, headers, body == null || body.length == 0 ? NO_BODY : body.clone(), null, true);
    }

    /**
     * For the parser, which has checked the method and the URI: {@code body} is a fresh array
     * nobody else holds, {@code sipUri} the Request-URI as it parsed it.
     */
    SipRequest(String method, String uri, Headers headers, byte[] body, Optional<SipUri> sipUri) {
        this(method, uri, headers, body == null || body.length == 0 ? NO_BODY : body, sipUri, false);
    }

    private SipRequest(String method, String uri, Headers headers, byte[] ownedBody, Optional<SipUri> sipUri,
                       boolean check) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        if (check) {
            if (!Syntax.isToken(method)) throw new IllegalArgumentException("method is not a token: " + method);
            for (int i = 0; i < uri.length(); i++) {
                if (uri.charAt(i) <= ' ') throw new IllegalArgumentException("white space or control in the Request-URI");
            }
        }
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = ownedBody;
        this.sipUri = sipUri;
    }

    public String method() { return method; }

    /** The Request-URI as written. */
    public String uri() { return uri; }

    @Override
    public Headers headers() { return headers; }

    /** The Request-URI parsed as SIP or SIPS, empty for another scheme; parsed at most once. */
    public Optional<SipUri> sipUri() {
        Optional<SipUri> s = sipUri;
        if (s == null) {
            s = SipUri.parse(uri);
            sipUri = s;
        }
        return s;
    }

    public boolean isMethod(String m) { return method.equals(m); }

    @Override
    public byte[] body() { return body.length == 0 ? NO_BODY : body.clone(); }

    @Override
    public int bodyLength() { return body.length; }

    /** The same request with other headers; method, URI and body are already valid and shared. */
    @Override
    public SipRequest withHeaders(Headers h) { return new SipRequest(method, uri, h, body, sipUri, false); }

    public SipRequest withUri(String newUri) { return new SipRequest(method, newUri, headers, body); }

    public SipRequest withBody(byte[] newBody) { return new SipRequest(method, uri, headers, newBody); }

    @Override
    public String startLine() { return method + " " + uri + " SIP/2.0"; }

    @Override
    public byte[] toBytes() { return MessagePrinter.print(startLine(), headers, body); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipRequest r && r.method.equals(method) && r.uri.equals(uri)
                && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() { return Objects.hash(method, uri, headers, Arrays.hashCode(body)); }

    @Override
    public String toString() { return new String(toBytes(), StandardCharsets.UTF_8); }
}
