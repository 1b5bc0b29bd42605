package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable SIP message (RFC 3261 §7). Typed accessors parse header values on demand;
 * the parser has already checked the headers every transaction needs (Via, CSeq, Call-ID,
 * From, To), so on a parsed message those accessors always succeed.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    Headers headers();

    /** The body; never null, empty when there is none. Do not modify the array. */
    byte[] body();

    /** The same message with other headers. */
    SipMessage withHeaders(Headers headers);

    /** The start line without CRLF: {@code INVITE sip:x SIP/2.0} or {@code SIP/2.0 200 OK}. */
    String startLine();

    default Optional<String> header(String name) { return headers().first(name); }

    default String callId() { return headers().first(HeaderNames.CALL_ID).orElseThrow().trim(); }

    default CSeq cseq() { return CSeq.parse(headers().first(HeaderNames.CSEQ).orElseThrow()).orElseThrow(); }

    default List<Via> vias() {
        List<Via> out = new ArrayList<>();
        for (String v : headers().all(HeaderNames.VIA)) out.add(Via.parse(v).orElseThrow());
        return out;
    }

    default Via topVia() { return Via.parse(headers().first(HeaderNames.VIA).orElseThrow()).orElseThrow(); }

    default NameAddr from() { return NameAddr.parse(headers().first(HeaderNames.FROM).orElseThrow()).orElseThrow(); }

    default NameAddr to() { return NameAddr.parse(headers().first(HeaderNames.TO).orElseThrow()).orElseThrow(); }

    /** Contact elements; {@code Contact: *} is returned as a NameAddr whose uri is {@code *}. */
    default List<NameAddr> contacts() {
        List<NameAddr> out = new ArrayList<>();
        for (String c : headers().all(HeaderNames.CONTACT)) {
            if (c.trim().equals("*")) out.add(new NameAddr(null, "*", Params.empty()));
            else NameAddr.parse(c).ifPresent(out::add);
        }
        return out;
    }

    /** Serialises the message: start line, headers with a correct Content-Length, CRLF, body. */
    default byte[] toBytes() {
        StringBuilder sb = new StringBuilder(512);
        sb.append(startLine()).append("\r\n");
        for (HeaderField f : headers().fields()) {
            if (f.name().equals(HeaderNames.CONTENT_LENGTH)) continue;
            sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        sb.append(HeaderNames.CONTENT_LENGTH).append(": ").append(body().length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body().length == 0) return head;
        byte[] out = new byte[head.length + body().length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body(), 0, out, head.length, body().length);
        return out;
    }
}
