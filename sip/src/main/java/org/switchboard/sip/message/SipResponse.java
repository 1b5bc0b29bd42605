package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A SIP response: status 100 to 699 with its reason phrase (which may be empty, RFC 4475
 * §3.1.1.13, and must not contain CR or LF). The body array is copied in and out.
 */
public record SipResponse(int status, String reason, Headers headers, byte[] body) implements SipMessage {

    public SipResponse {
        if (status < 100 || status > 699) throw new IllegalArgumentException("status " + status);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) throw new IllegalArgumentException("CR or LF in reason");
        body = body == null || body.length == 0 ? SipRequest.NO_BODY : body.clone();
    }

    public boolean provisional() { return status < 200; }

    public boolean success() { return status >= 200 && status < 300; }

    public boolean isFinal() { return status >= 200; }

    @Override
    public byte[] body() { return body.length == 0 ? SipRequest.NO_BODY : body.clone(); }

    @Override
    public int bodyLength() { return body.length; }

    @Override
    public SipResponse withHeaders(Headers h) { return new SipResponse(status, reason, h, body); }

    public SipResponse withBody(byte[] newBody) { return new SipResponse(status, reason, headers, newBody); }

    @Override
    public String startLine() { return "SIP/2.0 " + status + " " + reason; }

    @Override
    public byte[] toBytes() { return MessagePrinter.print(startLine(), headers, body); }

    /**
     * A response to {@code request} as RFC 3261 §8.2.6.2 builds it: Via, From, To, Call-ID and
     * CSeq copied; the To tag added when {@code toTag} is given and the request had none.
     */
    public static SipResponse to(SipRequest request, int status, String reason, String toTag) {
        Headers src = request.headers();
        java.util.List<HeaderField> h = new java.util.ArrayList<>(8);
        for (String via : src.all(HeaderNames.VIA)) h.add(new HeaderField(HeaderNames.VIA, via));
        h.add(new HeaderField(HeaderNames.FROM, src.first(HeaderNames.FROM).orElse("")));
        String to = src.first(HeaderNames.TO).orElse("");
        if (toTag != null && status > 100) {
            NameAddr t = NameAddr.parse(to).orElse(null);
            if (t != null && t.tag().isEmpty()) to = t.withTag(toTag).toString();
        }
        h.add(new HeaderField(HeaderNames.TO, to));
        h.add(new HeaderField(HeaderNames.CALL_ID, src.first(HeaderNames.CALL_ID).orElse("")));
        h.add(new HeaderField(HeaderNames.CSEQ, src.first(HeaderNames.CSEQ).orElse("")));
        return new SipResponse(status, reason, Headers.trusted(h), null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipResponse r && r.status == status && r.reason.equals(reason)
                && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() { return Objects.hash(status, reason, headers, Arrays.hashCode(body)); }

    @Override
    public String toString() { return new String(toBytes(), StandardCharsets.UTF_8); }
}
