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
 */
public record SipRequest(String method, String uri, Headers headers, byte[] body) implements SipMessage {

    static final byte[] NO_BODY = new byte[0];

    public SipRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        if (!Syntax.isToken(method)) throw new IllegalArgumentException("method is not a token: " + method);
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) <= ' ') throw new IllegalArgumentException("white space or control in the Request-URI");
        }
        body = body == null || body.length == 0 ? NO_BODY : body.clone();
    }

    public Optional<SipUri> sipUri() { return SipUri.parse(uri); }

    public boolean isMethod(String m) { return method.equals(m); }

    @Override
    public byte[] body() { return body.length == 0 ? NO_BODY : body.clone(); }

    @Override
    public int bodyLength() { return body.length; }

    @Override
    public SipRequest withHeaders(Headers h) { return new SipRequest(method, uri, h, body); }

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
