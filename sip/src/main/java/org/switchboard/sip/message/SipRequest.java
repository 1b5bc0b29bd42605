package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A SIP request. {@code uri} is the Request-URI as written (it may be a tel: or other
 * absolute URI); {@link #sipUri()} parses it as SIP.
 */
public record SipRequest(String method, String uri, Headers headers, byte[] body) implements SipMessage {

    public SipRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        if (body == null) body = new byte[0];
    }

    public java.util.Optional<SipUri> sipUri() { return SipUri.parse(uri); }

    public boolean isMethod(String m) { return method.equals(m); }

    @Override
    public SipRequest withHeaders(Headers h) { return new SipRequest(method, uri, h, body); }

    public SipRequest withUri(String newUri) { return new SipRequest(method, newUri, headers, body); }

    public SipRequest withBody(byte[] newBody) { return new SipRequest(method, uri, headers, newBody); }

    @Override
    public String startLine() { return method + " " + uri + " SIP/2.0"; }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipRequest r && r.method.equals(method) && r.uri.equals(uri)
                && r.headers.equals(headers) && java.util.Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() { return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body)); }

    @Override
    public String toString() { return new String(toBytes(), StandardCharsets.UTF_8); }
}
