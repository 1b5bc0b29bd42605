package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
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

    /** The CSeq; throws {@link java.util.NoSuchElementException} when it is missing or malformed. */
    default CSeq cseq() { return present(headers().cseq(), HeaderNames.CSEQ); }

    /** The CSeq, empty when the header is missing or malformed. Parsed once per message. */
    default Optional<CSeq> cseqValue() { return Optional.ofNullable(headers().cseq()); }

    default List<Via> vias() {
        List<Via> out = new ArrayList<>();
        for (String v : headers().all(HeaderNames.VIA)) out.add(Via.parse(v).orElseThrow());
        return out;
    }

    /** The top Via, parsed once; throws {@link java.util.NoSuchElementException} when it is missing or malformed. */
    default Via topVia() { return present(headers().topVia(), HeaderNames.VIA); }

    /** The From address; throws {@link java.util.NoSuchElementException} when it is missing or malformed. */
    default NameAddr from() { return present(headers().from(), HeaderNames.FROM); }

    /** The To address; throws {@link java.util.NoSuchElementException} when it is missing or malformed. */
    default NameAddr to() { return present(headers().to(), HeaderNames.TO); }

    /** The From address, empty when the header is missing or malformed. Parsed once per message. */
    default Optional<NameAddr> fromAddress() { return Optional.ofNullable(headers().from()); }

    /** The To address, empty when the header is missing or malformed. Parsed once per message. */
    default Optional<NameAddr> toAddress() { return Optional.ofNullable(headers().to()); }

    /**
     * Contact elements; {@code Contact: *} is returned as a NameAddr whose uri is {@code *}.
     * Malformed elements are left out (compare with {@code headers().count("Contact")}).
     */
    default List<NameAddr> contacts() { return headers().contacts(); }

    private static <T> T present(T value, String header) {
        if (value == null) throw new NoSuchElementException("no valid " + header + " header");
        return value;
    }
}
