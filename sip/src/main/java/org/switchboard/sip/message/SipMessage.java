package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable SIP message (RFC 3261 §7). Typed accessors parse header values on demand;
 * the parser has already checked the headers every transaction needs (Via, CSeq, Call-ID,
 * From, To, Contact, Route, Record-Route), so on a parsed message those accessors succeed.
 *
 * <p>Content-Length is framing, not content: the parser takes the body it delimits and
 * drops the field, and {@link #toBytes()} writes the length of {@link #body()}. So
 * {@code parse(m.toBytes())} gives back a message equal to {@code m}.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    Headers headers();

    /** A copy of the body; empty when there is none. */
    byte[] body();

    /** The body length in bytes, without copying it. */
    int bodyLength();

    /** The same message with other headers. */
    SipMessage withHeaders(Headers headers);

    /** The start line without CRLF: {@code INVITE sip:x SIP/2.0} or {@code SIP/2.0 200 OK}. */
    String startLine();

    /** Serialises the message: start line, headers with a correct Content-Length, CRLF, body. */
    byte[] toBytes();

    default Optional<String> header(String name) { return headers().first(name); }

    /** The body decoded as UTF-8 (invalid bytes become U+FFFD). */
    default String bodyText() { return new String(body(), StandardCharsets.UTF_8); }

    default Optional<String> contentType() { return headers().first(HeaderNames.CONTENT_TYPE); }

    default String callId() { return headers().first(HeaderNames.CALL_ID).orElseThrow().strip(); }

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
            if (c.strip().equals("*")) out.add(new NameAddr(null, "*", Params.empty()));
            else NameAddr.parse(c).ifPresent(out::add);
        }
        return out;
    }
}
