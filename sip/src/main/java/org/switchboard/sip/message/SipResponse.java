package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A SIP response: status 100 to 699 with its reason phrase. */
public record SipResponse(int status, String reason, Headers headers, byte[] body) implements SipMessage {

    public SipResponse {
        if (status < 100 || status > 699) throw new IllegalArgumentException("status " + status);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        if (body == null) body = new byte[0];
    }

    public boolean provisional() { return status < 200; }

    public boolean success() { return status >= 200 && status < 300; }

    public boolean isFinal() { return status >= 200; }

    @Override
    public SipResponse withHeaders(Headers h) { return new SipResponse(status, reason, h, body); }

    public SipResponse withBody(byte[] newBody) { return new SipResponse(status, reason, headers, newBody); }

    @Override
    public String startLine() { return "SIP/2.0 " + status + " " + reason; }

    /**
     * A response to {@code request} as RFC 3261 §8.2.6.2 builds it: Via, From, To, Call-ID and
     * CSeq copied; the To tag added when {@code toTag} is given and the request had none.
     */
    public static SipResponse to(SipRequest request, int status, String reason, String toTag) {
        Headers src = request.headers();
        Headers h = Headers.empty();
        for (String via : src.all(HeaderNames.VIA)) h = h.with(HeaderNames.VIA, via);
        h = h.with(HeaderNames.FROM, src.first(HeaderNames.FROM).orElse(""));
        String to = src.first(HeaderNames.TO).orElse("");
        if (toTag != null && status > 100) {
            NameAddr t = NameAddr.parse(to).orElse(null);
            if (t != null && t.tag().isEmpty()) to = t.withTag(toTag).toString();
        }
        h = h.with(HeaderNames.TO, to);
        h = h.with(HeaderNames.CALL_ID, src.first(HeaderNames.CALL_ID).orElse(""));
        h = h.with(HeaderNames.CSEQ, src.first(HeaderNames.CSEQ).orElse(""));
        return new SipResponse(status, reason, h, new byte[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipResponse r && r.status == status && r.reason.equals(reason)
                && r.headers.equals(headers) && java.util.Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() { return Objects.hash(status, reason, headers, java.util.Arrays.hashCode(body)); }

    @Override
    public String toString() { return new String(toBytes(), StandardCharsets.UTF_8); }
}
