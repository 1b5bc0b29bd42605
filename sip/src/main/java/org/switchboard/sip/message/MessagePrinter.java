package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * Prints a message as RFC 3261 §7 wants it on the wire: start line, one header field per
 * line in canonical long form, a Content-Length computed from the body (any Content-Length
 * field in the headers is ignored), an empty line, the body. Lines end with CRLF. Parsing
 * the output gives back an equal message.
 */
final class MessagePrinter {
    private MessagePrinter() { }

    static byte[] print(String startLine, Headers headers, byte[] body) {
        StringBuilder sb = new StringBuilder(64 + 48 * headers.size());
        sb.append(startLine).append("\r\n");
        for (HeaderField f : headers.fields()) {
            if (f.name().equalsIgnoreCase(HeaderNames.CONTENT_LENGTH)) continue;
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
