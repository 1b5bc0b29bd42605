package org.switchboard.net.sip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Frames SIP messages on a TCP or TLS byte stream (RFC 3261 §18.3): the head ends at the first
 * CRLFCRLF, and Content-Length (or its compact form {@code l}) is required and gives the body
 * length. Emits, in order:
 * <ul>
 *   <li>{@code byte[]}: one whole message, head and body;</li>
 *   <li>{@link KeepAlive#PING}: a CRLFCRLF keep-alive between messages (RFC 5626 §3.5.1);</li>
 *   <li>{@link FramingError}: the stream cannot be framed; it is the last output, and all later
 *       input is discarded, because the message boundaries are lost for good.</li>
 * </ul>
 * Single CRLFs between messages are skipped (RFC 3261 §7.5). Buffered input never exceeds the
 * size limit plus one read, so a peer cannot make us hold more than that per connection.
 */
final class SipStreamDecoder extends ByteToMessageDecoder {

    /** A CRLFCRLF keep-alive ping. */
    enum KeepAlive { PING }

    /** Why the stream cannot be framed; {@code oversize} tells the size limit from bad syntax. */
    record FramingError(boolean oversize, String reason) { }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long MISSING = -1;
    private static final long INVALID = -2;

    private final int maxMessageSize;
    /** Bytes of the current message's head already searched for CRLFCRLF. */
    private int scanned;
    /** Length of the current message once its head is parsed, else -1. */
    private int pendingLength = -1;
    private boolean failed;

    SipStreamDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (pendingLength < 0) {
            if (scanned == 0) {
                byte first = in.getByte(start);
                if (first == CR || first == LF) {
                    skipLineBreaks(in, out);
                    return;
                }
            }
            int headEnd = findHeadEnd(in, start + Math.max(0, scanned - 3), start + readable);
            if (headEnd < 0) {
                if (readable > maxMessageSize) {
                    fail(in, out, true, "no end of headers within " + maxMessageSize + " bytes");
                } else {
                    scanned = readable;
                }
                return;
            }
            long bodyLength = contentLength(in, start, headEnd);
            if (bodyLength == MISSING) {
                fail(in, out, false, "Content-Length missing (required on stream transports)");
                return;
            }
            if (bodyLength == INVALID) {
                fail(in, out, false, "Content-Length invalid or repeated with different values");
                return;
            }
            long length = (headEnd - start) + bodyLength;
            if (length > maxMessageSize) {
                fail(in, out, true, "message of " + length + " bytes over the limit of " + maxMessageSize);
                return;
            }
            pendingLength = (int) length;
            scanned = 0;
        }
        if (readable < pendingLength) return;
        byte[] message = new byte[pendingLength];
        in.readBytes(message);
        pendingLength = -1;
        out.add(message);
    }

    /** At a message boundary: a CRLFCRLF ping, or stray line breaks to skip one byte at a time. */
    private static void skipLineBreaks(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable >= 4 && in.getInt(start) == 0x0D0A0D0A) {
            in.skipBytes(4);
            out.add(KeepAlive.PING);
            return;
        }
        if (readable < 4 && isPingPrefix(in, start, readable)) return; // the rest of a ping may follow
        in.skipBytes(1);
    }

    private static boolean isPingPrefix(ByteBuf in, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (in.getByte(start + i) != ((i & 1) == 0 ? CR : LF)) return false;
        }
        return true;
    }

    /** Index just past the first CRLFCRLF in [from, to), or -1. */
    private static int findHeadEnd(ByteBuf in, int from, int to) {
        int i = from;
        while (i < to) {
            int lf = in.indexOf(i, to, LF);
            if (lf < 0) return -1;
            if (lf - 3 >= in.readerIndex() && in.getByte(lf - 1) == CR && in.getByte(lf - 2) == LF
                    && in.getByte(lf - 3) == CR) {
                return lf + 1;
            }
            i = lf + 1;
        }
        return -1;
    }

    /**
     * The Content-Length of the head in [start, end): {@link #MISSING}, {@link #INVALID}, or the value.
     * The start line is skipped; folded continuation lines never match a header name.
     */
    static long contentLength(ByteBuf in, int start, int end) {
        long value = MISSING;
        int line = in.indexOf(start, end, LF) + 1;
        while (line > 0 && line < end) {
            int next = in.indexOf(line, end, LF);
            if (next < 0) break;
            long v = headerValue(in, line, next);
            if (v == INVALID) return INVALID;
            if (v != MISSING) {
                if (value != MISSING && value != v) return INVALID;
                value = v;
            }
            line = next + 1;
        }
        return value;
    }

    /** The value if the line [from, lf) is a Content-Length header, {@link #MISSING} if another header. */
    private static long headerValue(ByteBuf in, int from, int lf) {
        int end = lf > from && in.getByte(lf - 1) == CR ? lf - 1 : lf;
        int i;
        byte first = (byte) (in.getByte(from) | 0x20);
        if (first == 'c' && end - from >= CONTENT_LENGTH.length && matchesIgnoreCase(in, from, CONTENT_LENGTH)) {
            i = from + CONTENT_LENGTH.length;
        } else if (first == 'l') {
            i = from + 1;
        } else {
            return MISSING;
        }
        i = skipWhitespace(in, i, end);
        if (i >= end || in.getByte(i) != ':') return MISSING; // e.g. "Location:" or "Content-Length-X:"
        i = skipWhitespace(in, i + 1, end);
        long value = 0;
        int digits = 0;
        while (i < end) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') break;
            if (++digits > 10) return INVALID;
            value = value * 10 + (b - '0');
            i++;
        }
        if (digits == 0 || skipWhitespace(in, i, end) != end) return INVALID;
        return value;
    }

    private static boolean matchesIgnoreCase(ByteBuf in, int from, byte[] lowerName) {
        for (int k = 0; k < lowerName.length; k++) {
            byte b = in.getByte(from + k);
            if (b >= 'A' && b <= 'Z') b = (byte) (b | 0x20);
            if (b != lowerName[k]) return false;
        }
        return true;
    }

    private static int skipWhitespace(ByteBuf in, int i, int end) {
        while (i < end) {
            byte b = in.getByte(i);
            if (b != ' ' && b != '\t') break;
            i++;
        }
        return i;
    }

    private void fail(ByteBuf in, List<Object> out, boolean oversize, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(new FramingError(oversize, reason));
    }
}
