package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one complete SIP message from bytes (one UDP datagram, or one message framed by
 * module {@code net}). Never throws for bad input: every outcome is a {@link ParseResult}.
 *
 * <p>Limits (see docs/sip-limits.md): {@link #MAX_MESSAGE_BYTES}, {@link #MAX_HEADERS},
 * {@link #MAX_LINE_LENGTH}.
 */
public final class SipParser {

    /** Largest message accepted, head and body (bytes). */
    public static final int MAX_MESSAGE_BYTES = 65_535;
    /** Most header fields (after splitting lists) in one message. */
    public static final int MAX_HEADERS = 256;
    /** Longest header line after unfolding (characters). */
    public static final int MAX_LINE_LENGTH = 8_192;

    private SipParser() { }

    public static ParseResult parse(byte[] data) {
        try {
            return parseUnchecked(data);
        } catch (RuntimeException e) {
            // A parser bug must not escape into the transport: treat it as unparseable.
            return new ParseResult.Failed(0, "Unparseable", null);
        }
    }

    private static ParseResult parseUnchecked(byte[] data) {
        if (data.length > MAX_MESSAGE_BYTES) return new ParseResult.Failed(0, "Message Too Large", null);
        int start = 0;
        while (start + 1 < data.length && data[start] == '\r' && data[start + 1] == '\n') start += 2;
        int headEnd = indexOf(data, start);
        if (headEnd < 0) return new ParseResult.Failed(0, "No End Of Headers", null);
        String head = new String(data, start, headEnd - start, StandardCharsets.UTF_8);
        int bodyStart = headEnd + 4;
        String[] lines = head.split("\r\n", -1);
        String startLine = lines[0];
        List<HeaderField> fields = new ArrayList<>();
        String current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current == null) return new ParseResult.Failed(0, "Bad Folding", null);
                current = current + " " + line.strip();
            } else {
                if (current != null) {
                    ParseResult err = addField(fields, current);
                    if (err != null) return err;
                }
                current = line;
            }
            if (current.length() > MAX_LINE_LENGTH) return new ParseResult.Failed(0, "Header Line Too Long", null);
        }
        if (current != null) {
            ParseResult err = addField(fields, current);
            if (err != null) return err;
        }
        if (fields.size() > MAX_HEADERS) return new ParseResult.Failed(0, "Too Many Headers", null);
        Headers headers = Headers.of(fields);

        byte[] body = new byte[0];
        int available = data.length - bodyStart;
        String cl = headers.first(HeaderNames.CONTENT_LENGTH).orElse(null);
        int length = available;
        if (cl != null) {
            String t = cl.trim();
            if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
                return failRequest(startLine, headers, 400, "Bad Content-Length");
            }
            length = Integer.parseInt(t);
            if (length > available) return failRequest(startLine, headers, 400, "Content-Length Larger Than Body");
        }
        if (length > 0) {
            body = new byte[length];
            System.arraycopy(data, bodyStart, body, 0, length);
        }

        if (startLine.startsWith("SIP/")) return parseResponse(startLine, headers, body);
        return parseRequest(startLine, headers, body);
    }

    private static ParseResult addField(List<HeaderField> fields, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) return new ParseResult.Failed(0, "Bad Header Line", null);
        String name = line.substring(0, colon).strip();
        if (!Syntax.isToken(name)) return new ParseResult.Failed(0, "Bad Header Name", null);
        String canonical = HeaderNames.canonical(name);
        String value = line.substring(colon + 1).strip();
        if (HeaderNames.isListValued(canonical)) {
            int from = 0;
            while (true) {
                int comma = Syntax.indexOutsideQuotes(value, ',', from);
                String part = (comma < 0 ? value.substring(from) : value.substring(from, comma)).strip();
                if (!part.isEmpty()) fields.add(new HeaderField(canonical, part));
                if (comma < 0) break;
                from = comma + 1;
            }
        } else {
            fields.add(new HeaderField(canonical, value));
        }
        return null;
    }

    private static ParseResult parseRequest(String startLine, Headers headers, byte[] body) {
        String[] parts = startLine.split(" ", -1);
        if (parts.length != 3 || !Syntax.isToken(parts[0]) || parts[1].isEmpty()) {
            return new ParseResult.Failed(0, "Bad Request Line", null);
        }
        SipRequest request = new SipRequest(parts[0], parts[1], headers, body);
        if (!parts[2].equals("SIP/2.0")) {
            return parts[2].startsWith("SIP/")
                    ? new ParseResult.Failed(505, "Version Not Supported", request)
                    : new ParseResult.Failed(400, "Bad Request Line", request);
        }
        String missing = checkRequired(headers);
        if (missing != null) return new ParseResult.Failed(400, missing, request);
        CSeq cseq = CSeq.parse(headers.first(HeaderNames.CSEQ).get()).get();
        if (!cseq.method().equals(request.method())) return new ParseResult.Failed(400, "CSeq Method Mismatch", request);
        String scheme = schemeOf(parts[1]);
        if (scheme == null) return new ParseResult.Failed(400, "Bad Request-URI", request);
        if ((scheme.equals("sip") || scheme.equals("sips")) && SipUri.parse(parts[1]).isEmpty()) {
            return new ParseResult.Failed(400, "Bad Request-URI", request);
        }
        return new ParseResult.Parsed(request);
    }

    private static ParseResult parseResponse(String startLine, Headers headers, byte[] body) {
        if (!startLine.startsWith("SIP/2.0 ") || startLine.length() < 12) return new ParseResult.Failed(0, "Bad Status Line", null);
        String code = startLine.substring(8, 11);
        if (!code.chars().allMatch(Character::isDigit) || startLine.charAt(11) != ' ') {
            return new ParseResult.Failed(0, "Bad Status Line", null);
        }
        int status = Integer.parseInt(code);
        if (status < 100 || status > 699) return new ParseResult.Failed(0, "Bad Status Code", null);
        if (checkRequired(headers) != null) return new ParseResult.Failed(0, "Missing Header", null);
        return new ParseResult.Parsed(new SipResponse(status, startLine.substring(12), headers, body));
    }

    /** Checks the headers that every transaction needs; returns a reason or null. */
    private static String checkRequired(Headers h) {
        List<String> vias = h.all(HeaderNames.VIA);
        if (vias.isEmpty()) return "Missing Via";
        for (String v : vias) if (Via.parse(v).isEmpty()) return "Bad Via";
        if (h.first(HeaderNames.CALL_ID).map(String::isBlank).orElse(true)) return "Missing Call-ID";
        String cseq = h.first(HeaderNames.CSEQ).orElse(null);
        if (cseq == null || CSeq.parse(cseq).isEmpty()) return "Bad CSeq";
        if (h.all(HeaderNames.FROM).size() != 1 || NameAddr.parse(h.first(HeaderNames.FROM).get()).isEmpty()) return "Bad From";
        if (h.all(HeaderNames.TO).size() != 1 || NameAddr.parse(h.first(HeaderNames.TO).get()).isEmpty()) return "Bad To";
        return null;
    }

    private static ParseResult failRequest(String startLine, Headers headers, int status, String reason) {
        if (startLine.startsWith("SIP/")) return new ParseResult.Failed(0, reason, null);
        String[] parts = startLine.split(" ", -1);
        SipRequest r = parts.length == 3 && Syntax.isToken(parts[0]) && !parts[1].isEmpty()
                ? new SipRequest(parts[0], parts[1], headers, null) : null;
        return new ParseResult.Failed(r != null ? status : 0, reason, r);
    }

    private static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0) return null;
        String s = uri.substring(0, colon);
        if (!Character.isLetter(s.charAt(0))) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return null;
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 3 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') return i;
        }
        return -1;
    }
}
