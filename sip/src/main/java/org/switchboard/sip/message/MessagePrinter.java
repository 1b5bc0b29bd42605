package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prints a message as RFC 3261 §7 wants it on the wire: start line, one header field per
 * line in canonical long form, a Content-Length computed from the body (any Content-Length
 * field in the headers is ignored), an empty line, the body. Lines end with CRLF. Parsing
 * the output gives back an equal message.
 *
 * <p>Every message sent goes through here, so the usual all-ASCII message is written
 * straight into an array of its exact size; text with other characters goes through UTF-8
 * encoding.
 */
final class MessagePrinter {
    private MessagePrinter() { }

    private static final byte[] CONTENT_LENGTH = (HeaderNames.CONTENT_LENGTH + ": ").getBytes(StandardCharsets.US_ASCII);

    static byte[] print(String startLine, Headers headers, byte[] body) {
        List<HeaderField> fields = headers.fields();
        String length = Integer.toString(body.length);
        int size = startLine.length() + 2 + CONTENT_LENGTH.length + length.length() + 4 + body.length;
        for (HeaderField f : fields) {
            if (!isContentLength(f)) size += f.name().length() + f.value().length() + 4;
        }
        byte[] out = new byte[size];
        int p = ascii(startLine, out, 0);
        if (p < 0) return printUtf8(startLine, fields, body);
        p = crlf(out, p);
        for (HeaderField f : fields) {
            if (isContentLength(f)) continue;
            p = ascii(f.name(), out, p);   // a token: ASCII
            out[p++] = ':';
            out[p++] = ' ';
            p = ascii(f.value(), out, p);
            if (p < 0) return printUtf8(startLine, fields, body);
            p = crlf(out, p);
        }
        System.arraycopy(CONTENT_LENGTH, 0, out, p, CONTENT_LENGTH.length);
        p = ascii(length, out, p + CONTENT_LENGTH.length);
        p = crlf(out, crlf(out, p));
        System.arraycopy(body, 0, out, p, body.length);
        return out;
    }

    private static boolean isContentLength(HeaderField f) {
        return f.name().equalsIgnoreCase(HeaderNames.CONTENT_LENGTH);
    }

    /** Copies {@code s} into {@code out} at {@code p}; the new position, or -1 at the first non-ASCII character. */
    private static int ascii(String s, byte[] out, int p) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return -1;
            out[p + i] = (byte) c;
        }
        return p + n;
    }

    private static int crlf(byte[] out, int p) {
        out[p] = '\r';
        out[p + 1] = '\n';
        return p + 2;
    }

    private static byte[] printUtf8(String startLine, List<HeaderField> fields, byte[] body) {
        StringBuilder sb = new StringBuilder(64 + 48 * fields.size());
        sb.append(startLine).append("\r\n");
        for (HeaderField f : fields) {
            if (isContentLength(f)) continue;
            sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        sb.append(HeaderNames.CONTENT_LENGTH).append(": ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) return head;
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }
}
