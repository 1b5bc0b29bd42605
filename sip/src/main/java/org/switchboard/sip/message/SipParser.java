package org.switchboard.sip.message;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses one complete SIP message from bytes: one UDP datagram, or one message that module
 * {@code net} framed from a stream. Never throws for bad input: every outcome is a
 * {@link ParseResult}. A malformed request that can still be answered (it has a Via) gives
 * the status RFC 3261 asks for (400, 414, 505, 513, 501) with the request as far as it was
 * read; a malformed response, or bytes that are no message, give status 0: discard.
 *
 * <p>Body framing follows RFC 3261 §18.3 for datagrams: a body longer than Content-Length
 * is truncated to it, a shorter one is an error, and without Content-Length the body is the
 * rest of the datagram. A stream framer hands over exactly one message, so the same rules hold.
 *
 * <p>Limits (documented in docs/sip-limits.md): {@link #MAX_MESSAGE_BYTES},
 * {@link #MAX_HEADERS}, {@link #MAX_LINE_LENGTH}, {@link #MAX_VIAS}, {@link #MAX_URI_LENGTH}.
 */
public final class SipParser {

    /** Largest message accepted, head and body (bytes); larger requests get 513. */
    public static final int MAX_MESSAGE_BYTES = 65_535;
    /** Most header fields in one message, after list splitting, Content-Length not counted. */
    public static final int MAX_HEADERS = 256;
    /** Longest start line or header value after unfolding (characters). */
    public static final int MAX_LINE_LENGTH = 8_192;
    /** Most Via elements in one message: more than any request that honoured Max-Forwards 70 carries. */
    public static final int MAX_VIAS = 100;
    /** Longest Request-URI (characters); a longer one gets 414 (RFC 3261 §21.4.12). */
    public static final int MAX_URI_LENGTH = 4_096;

    /** The reason of a {@link ParseResult.Failed} that stands for a parser bug, never for bad input. */
    static final String INTERNAL_ERROR = "Internal Parser Error";

    /** The limits one parse enforces; {@link #DEFAULT} holds the constants above. */
    public record Limits(int maxMessageBytes, int maxHeaders, int maxLineLength, int maxVias, int maxUriLength) {
        public static final Limits DEFAULT =
                new Limits(MAX_MESSAGE_BYTES, MAX_HEADERS, MAX_LINE_LENGTH, MAX_VIAS, MAX_URI_LENGTH);

        public Limits {
            if (maxMessageBytes < 64 || maxHeaders < 5 || maxLineLength < 64 || maxVias < 1 || maxUriLength < 16) {
                throw new IllegalArgumentException("limits too small to carry a SIP message");
            }
        }
    }

    private SipParser() { }

    public static ParseResult parse(byte[] data) {
        return parse(data, Limits.DEFAULT);
    }

    public static ParseResult parse(byte[] data, Limits limits) {
        try {
            return parseUnchecked(data, limits);
        } catch (RuntimeException e) {
            // A parser bug must not escape into the transport: treat it as unparseable.
            return new ParseResult.Failed(0, INTERNAL_ERROR, null);
        }
    }

    /** The parse itself, letting a bug surface as an exception (the property tests use it). */
    static ParseResult parseUnchecked(byte[] data, Limits limits) {
        int start = 0;
        // RFC 3261 §7.5: CRLFs before the start line are ignored (they are also keep-alives)
        while (start < data.length && (data[start] == '\r' || data[start] == '\n')) start++;
        if (start == data.length) return discard("Empty Or Keep-Alive");
        boolean tooLarge = data.length > limits.maxMessageBytes();
        HeadReader.Head head = HeadReader.read(data, start, Math.min(data.length, limits.maxMessageBytes()), limits);
        String line = head.startLine();
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) return response(head, data, tooLarge, limits);
        return request(head, data, tooLarge, limits);
    }

    private static ParseResult response(HeadReader.Head head, byte[] data, boolean tooLarge, Limits limits) {
        String line = head.startLine();
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase; an empty reason may lose its SP
        if (line.length() < 11 || (line.length() > 11 && line.charAt(11) != ' ')) return discard("Bad Status Line");
        if (!line.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) return discard("Version Not Supported");
        String code = line.substring(8, 11);
        if (!Syntax.isDigits(code, 3)) return discard("Bad Status Code");
        int status = Integer.parseInt(code);
        if (status < 100 || status > 699) return discard("Bad Status Code");
        String reason = line.length() > 12 ? line.substring(12) : "";
        if (12 + reason.length() > limits.maxLineLength()) return discard("Status Line Too Long");
        if (tooLarge) return discard("Message Too Large");
        if (head.error() != null) return discard(head.error());
        Body body = body(head, data);
        if (body.error() != null) return discard(body.error());
        Headers headers = Headers.trusted(head.fields());
        String err = MessageSyntax.check(head.fields(), limits, headers);
        if (err != null) return discard(err);
        return new ParseResult.Parsed(new SipResponse(status, reason, headers, body.bytes()));
    }

    private static ParseResult request(HeadReader.Head head, byte[] data, boolean tooLarge, Limits limits) {
        String line = head.startLine();
        List<HeaderField> fields = head.fields();
        // Request-Line = Method SP Request-URI SP SIP-Version: exactly two single spaces
        int sp1 = line.indexOf(' ');
        String method = sp1 >= 0 ? line.substring(0, sp1) : line;
        if (!Syntax.isToken(method)) return discard("Bad Request Line");
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp2 < 0 || sp2 == sp1 + 1 || sp2 == line.length() - 1 || line.indexOf(' ', sp2 + 1) >= 0) {
            return reject(400, "Bad Request Line", method, "", fields);
        }
        String uri = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        boolean uriPrintable = !Syntax.hasSpaceOrControl(uri);
        String safeUri = uriPrintable ? uri : "";
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            return isSipVersion(version)
                    ? reject(505, "Version Not Supported", method, safeUri, fields)
                    : reject(400, "Bad Request Line", method, safeUri, fields);
        }
        if (uri.length() > limits.maxUriLength()) return reject(414, "Request-URI Too Long", method, "", fields);
        if (line.length() > limits.maxLineLength()) return reject(400, "Request Line Too Long", method, "", fields);
        if (tooLarge) return reject(513, "Message Too Large", method, safeUri, fields);
        if (head.error() != null) return reject(400, head.error(), method, safeUri, fields);
        Body body = body(head, data);
        if (body.error() != null) return reject(400, body.error(), method, safeUri, fields);
        Headers headers = Headers.trusted(fields);
        String err = MessageSyntax.check(fields, limits, headers);
        if (err != null) return reject(400, err, method, safeUri, fields);
        String cseqMethod = headers.cseq().method();
        if (!cseqMethod.equals(method)) {
            // RFC 4475 §3.1.2.18: an unknown method with a mismatched CSeq is best answered 501
            return Methods.isKnown(method)
                    ? reject(400, "CSeq Method Mismatch", method, safeUri, fields)
                    : reject(501, "Not Implemented", method, safeUri, fields);
        }
        Optional<SipUri> sipUri = uriPrintable ? NameAddr.absoluteUri(uri) : null;
        if (sipUri == null) return reject(400, "Bad Request-URI", method, safeUri, fields);
        return new ParseResult.Parsed(new SipRequest(method, uri, headers, body.bytes(), sipUri));
    }

    /**
     * The body as Content-Length delimits it (RFC 3261 §18.3, §20.14), or the reason it
     * cannot be delimited: several or non-numeric values (RFC 4475 §3.1.2.3, §3.3.9) or
     * more bytes announced than present (§3.1.2.2).
     */
    private record Body(byte[] bytes, String error) { }

    private static Body body(HeadReader.Head head, byte[] data) {
        int available = data.length - head.bodyStart();
        List<String> lengths = head.contentLengths();
        int length = available;
        if (lengths.size() > 1) return new Body(null, "Multiple Content-Length");
        if (lengths.size() == 1) {
            String v = lengths.getFirst();
            if (!Syntax.isDigits(v, 10)) return new Body(null, "Bad Content-Length");
            long n = Long.parseLong(v);
            if (n > available) return new Body(null, "Content-Length Exceeds Body");
            length = (int) n;
        }
        return new Body(length == 0 ? SipRequest.NO_BODY : Arrays.copyOfRange(data, head.bodyStart(), head.bodyStart() + length), null);
    }

    /** {@code "SIP" "/" 1*DIGIT "." 1*DIGIT}: a version we can name in a 505. */
    private static boolean isSipVersion(String v) {
        if (!v.regionMatches(true, 0, "SIP/", 0, 4)) return false;
        int dot = v.indexOf('.', 4);
        return dot > 4 && Syntax.isDigits(v.substring(4, dot), 9) && Syntax.isDigits(v.substring(dot + 1), 9);
    }

    /**
     * A failure that can be answered when the request has a Via: the transport sends the
     * response to the source address (RFC 3261 §18.2.2), the Via lets the client match it.
     */
    private static ParseResult reject(int status, String reason, String method, String uri, List<HeaderField> fields) {
        for (HeaderField f : fields) {
            if (f.name().equals(HeaderNames.VIA)) {
                return new ParseResult.Failed(status, reason, new SipRequest(method, uri, Headers.trusted(fields), null));
            }
        }
        return discard(reason);
    }

    private static ParseResult discard(String reason) {
        return new ParseResult.Failed(0, reason, null);
    }
}
