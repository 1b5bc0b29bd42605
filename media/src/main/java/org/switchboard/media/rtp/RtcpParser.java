package org.switchboard.media.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates and parses a compound RTCP packet (RFC 3550 §6.1, appendix A.2): every packet has
 * version 2; the first is an SR or RR; the length fields add up to the datagram exactly; only
 * the last packet may be padded (its last octet counts the padding, itself included, and is not
 * 0). The first packet may carry padding only when it is also the last. Inside SR, RR, SDES and
 * BYE, counts and item lengths must fit their packet. APP (204), XR (207) and unknown types are
 * skipped whole; feedback (RFC 4585, 205/206) is read as far as its type and SSRCs.
 *
 * <p>Reduced-size RTCP (RFC 5506, no leading SR/RR) is not accepted: the SDP layer does not
 * offer {@code a=rtcp-rsize}.
 *
 * <p>Bad input is a {@link RtcpParseResult.Invalid} with a reason, never an exception.
 */
public final class RtcpParser {

    private RtcpParser() {
    }

    /** Parses {@code length} bytes of {@code bytes} from {@code offset}. Never throws. */
    public static RtcpParseResult parse(byte[] bytes, int offset, int length) {
        try {
            return new RtcpParseResult.Parsed(parseCompound(bytes, offset, length));
        } catch (Malformed e) {
            return new RtcpParseResult.Invalid(e.getMessage());
        }
    }

    /** Parses a whole array. */
    public static RtcpParseResult parse(byte[] bytes) {
        return parse(bytes, 0, bytes == null ? 0 : bytes.length);
    }

    private static List<RtcpPacket> parseCompound(byte[] b, int offset, int length) throws Malformed {
        if (b == null || !BigEndian.inBounds(b.length, offset, length)) {
            throw new Malformed("offset and length lie outside the array");
        }
        if (length < RtcpHeader.LENGTH) {
            throw new Malformed("shorter than an RTCP header (" + length + " bytes)");
        }
        int firstType = b[offset + 1] & 0xFF;
        if (firstType != RtcpPacket.SR && firstType != RtcpPacket.RR) {
            throw new Malformed("first packet has type " + firstType + ", not SR (200) or RR (201)");
        }
        List<RtcpPacket> packets = new ArrayList<>(4);
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int rel = at - offset;
            if (end - at < RtcpHeader.LENGTH) {
                throw new Malformed("truncated header at byte " + rel);
            }
            int first = b[at] & 0xFF;
            if (first >>> 6 != 2) {
                throw new Malformed("packet at byte " + rel + " has version " + (first >>> 6) + ", not 2");
            }
            int packetLength = (BigEndian.u16(b, at + 2) + 1) * 4;
            if (packetLength > end - at) {
                throw new Malformed("length of packet at byte " + rel + " (" + packetLength
                        + " bytes) runs past the end (" + (end - at) + " left)");
            }
            int contentEnd = at + packetLength;
            if ((first & 0x20) != 0) {
                if (contentEnd != end) {
                    throw new Malformed("packet at byte " + rel + " is padded but is not the last");
                }
                int padding = b[contentEnd - 1] & 0xFF;
                if (padding == 0 || padding > packetLength - RtcpHeader.LENGTH) {
                    throw new Malformed("padding count " + padding + " of packet at byte " + rel + " does not fit it");
                }
                contentEnd -= padding;
            }
            RtcpPacket packet = parseOne(b, at, contentEnd, first & 0x1F, b[at + 1] & 0xFF, rel);
            if (packet != null) {
                packets.add(packet);
            }
            at += packetLength;
        }
        return packets;
    }

    private static RtcpPacket parseOne(byte[] b, int at, int end, int count, int type, int rel) throws Malformed {
        int available = end - at;
        return switch (type) {
            case RtcpPacket.SR -> {
                need(RtcpSenderReport.MIN_LENGTH + RtcpReportBlock.LENGTH * count, available, "SR", rel);
                yield new RtcpSenderReport(BigEndian.u32(b, at + 4), RtcpSenderInfo.read(b, at + 8),
                        blocks(b, at + RtcpSenderReport.MIN_LENGTH, count));
            }
            case RtcpPacket.RR -> {
                need(RtcpReceiverReport.MIN_LENGTH + RtcpReportBlock.LENGTH * count, available, "RR", rel);
                yield new RtcpReceiverReport(BigEndian.u32(b, at + 4),
                        blocks(b, at + RtcpReceiverReport.MIN_LENGTH, count));
            }
            case RtcpPacket.SDES -> sdes(b, at, end, count, rel);
            case RtcpPacket.BYE -> bye(b, at, end, count, rel);
            case RtcpPacket.RTPFB, RtcpPacket.PSFB -> {
                need(RtcpFeedback.MIN_LENGTH, available, "feedback", rel);
                yield new RtcpFeedback(type, count, BigEndian.u32(b, at + 4), BigEndian.u32(b, at + 8));
            }
            default -> null;
        };
    }

    private static void need(int needed, int available, String what, int rel) throws Malformed {
        if (needed > available) {
            throw new Malformed(what + " at byte " + rel + " needs " + needed + " bytes but has " + available);
        }
    }

    private static List<RtcpReportBlock> blocks(byte[] b, int at, int count) {
        List<RtcpReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(RtcpReportBlock.read(b, at + i * RtcpReportBlock.LENGTH));
        }
        return blocks;
    }

    private static RtcpSdes sdes(byte[] b, int start, int end, int count, int rel) throws Malformed {
        List<RtcpSdes.Chunk> chunks = new ArrayList<>(count);
        int at = start + RtcpHeader.LENGTH;
        for (int i = 0; i < count; i++) {
            need(at + 4 - start, end - start, "SDES chunk " + i, rel);
            long ssrc = BigEndian.u32(b, at);
            at += 4;
            List<RtcpSdes.Item> items = new ArrayList<>(2);
            while (true) {
                if (at >= end) {
                    throw new Malformed("SDES chunk " + i + " at byte " + rel + " has no end-of-items octet");
                }
                int itemType = b[at] & 0xFF;
                if (itemType == 0) {
                    at = Math.min(start + RtcpHeader.padTo4(at + 1 - start), end);
                    break;
                }
                if (at + 2 > end || at + 2 + (b[at + 1] & 0xFF) > end) {
                    throw new Malformed("SDES item in chunk " + i + " at byte " + rel + " runs past its packet");
                }
                int textLength = b[at + 1] & 0xFF;
                items.add(new RtcpSdes.Item(itemType, text(b, at + 2, textLength)));
                at += 2 + textLength;
            }
            chunks.add(new RtcpSdes.Chunk(ssrc, items));
        }
        return new RtcpSdes(chunks);
    }

    private static RtcpBye bye(byte[] b, int start, int end, int count, int rel) throws Malformed {
        need(RtcpHeader.LENGTH + 4 * count, end - start, "BYE", rel);
        List<Long> ssrcs = new ArrayList<>(count);
        int at = start + RtcpHeader.LENGTH;
        for (int i = 0; i < count; i++, at += 4) {
            ssrcs.add(BigEndian.u32(b, at));
        }
        Optional<String> reason = Optional.empty();
        if (at < end) {
            int reasonLength = b[at] & 0xFF;
            if (at + 1 + reasonLength > end) {
                throw new Malformed("BYE reason at byte " + rel + " runs past its packet");
            }
            reason = Optional.of(text(b, at + 1, reasonLength));
        }
        return new RtcpBye(ssrcs, reason);
    }

    /**
     * UTF-8 text (§6.5); a malformed sequence becomes one '?', so the text never grows past the
     * 255 octets it came in.
     */
    private static String text(byte[] b, int at, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("?");
        try {
            return decoder.decode(ByteBuffer.wrap(b, at, length)).toString();
        } catch (CharacterCodingException e) {
            return "?";
        }
    }

    /** A reason to reject the datagram; internal, never escapes {@link #parse}. */
    private static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
