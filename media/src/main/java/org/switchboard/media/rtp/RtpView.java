package org.switchboard.media.rtp;

import java.util.Objects;

/**
 * A zero-copy reader of one RTP packet (RFC 3550 §5.1), re-pointed at each datagram with
 * {@link #wrap} without allocating. One view per receiving thread; the bytes stay the caller's.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers (CC)        |
 * | [header extension: profile (16) | length in words (16) | ...] |   §5.3.1
 * | payload ...                      | [padding ... | count]      |
 * </pre>
 *
 * <p>Validation follows §5.1 and A.1's per-packet checks: version 2, room for the CSRC list and
 * the header extension, and a padding count (last octet, counting itself) of at least 1 that fits
 * in what follows the header. A packet failing them is {@linkplain #isValid() invalid} with a
 * {@link Problem}; nothing here throws for packet content. The accessors of an invalid view read
 * as zeros and an empty payload.
 *
 * <p>Timestamps and SSRCs are unsigned 32-bit values in a {@code long}; sequence numbers are
 * 0..65535 in an {@code int}.
 */
public final class RtpView {

    /** Length of the fixed header, §5.1. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** {@link #extensionProfile()} when the X bit is clear. */
    public static final int NO_EXTENSION = -1;

    /** Why a datagram is not a usable RTP packet. */
    public enum Problem {
        /** A valid packet. */
        NONE,
        /** Nothing wrapped yet. */
        NOT_WRAPPED,
        /** Offset and length do not lie inside the array given. */
        OUT_OF_BOUNDS,
        /** Shorter than the 12-byte fixed header. */
        TOO_SHORT,
        /** Version field other than 2. */
        BAD_VERSION,
        /** The CSRC list (CC × 4 bytes) runs past the end. */
        CSRC_PAST_END,
        /** The header extension (§5.3.1) runs past the end. */
        EXTENSION_PAST_END,
        /** P set but the count is 0 or longer than what follows the header. */
        BAD_PADDING
    }

    private static final byte[] ZEROS = new byte[FIXED_HEADER_LENGTH];

    private byte[] buffer = ZEROS;
    private int offset;
    private int length;
    private int headerLength;
    private int payloadLength;
    private int paddingLength;
    private int extensionProfile = NO_EXTENSION;
    private int extensionOffset;
    private int extensionLength;
    private Problem problem = Problem.NOT_WRAPPED;

    /**
     * Points this view at {@code length} bytes of {@code buffer} from {@code offset} and
     * validates them. Returns {@link #isValid()}. Never throws, whatever the arguments.
     */
    public boolean wrap(byte[] buffer, int offset, int length) {
        if (buffer == null || !BigEndian.inBounds(buffer.length, offset, length)) {
            return invalid(Problem.OUT_OF_BOUNDS);
        }
        if (length < FIXED_HEADER_LENGTH) {
            return invalid(Problem.TOO_SHORT);
        }
        int first = buffer[offset] & 0xFF;
        if (first >>> 6 != 2) {
            return invalid(Problem.BAD_VERSION);
        }
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            return invalid(Problem.CSRC_PAST_END);
        }
        int profile = NO_EXTENSION;
        int extOffset = 0;
        int extLength = 0;
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return invalid(Problem.EXTENSION_PAST_END);
            }
            profile = BigEndian.u16(buffer, offset + header);
            extLength = 4 * BigEndian.u16(buffer, offset + header + 2);
            extOffset = offset + header + 4;
            header += 4 + extLength;
            if (header > length) {
                return invalid(Problem.EXTENSION_PAST_END);
            }
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = buffer[offset + length - 1] & 0xFF;
            if (padding == 0 || padding > length - header) {
                return invalid(Problem.BAD_PADDING);
            }
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.headerLength = header;
        this.paddingLength = padding;
        this.payloadLength = length - header - padding;
        this.extensionProfile = profile;
        this.extensionOffset = extOffset;
        this.extensionLength = extLength;
        this.problem = Problem.NONE;
        return true;
    }

    private boolean invalid(Problem why) {
        buffer = ZEROS;
        offset = 0;
        length = 0;
        headerLength = 0;
        payloadLength = 0;
        paddingLength = 0;
        extensionProfile = NO_EXTENSION;
        extensionOffset = 0;
        extensionLength = 0;
        problem = why;
        return false;
    }

    /** Whether the last {@link #wrap} found a valid RTP packet. */
    public boolean isValid() {
        return problem == Problem.NONE;
    }

    /** Why the packet is invalid, or {@link Problem#NONE}. */
    public Problem problem() {
        return problem;
    }

    /** The wrapped array (an internal zero array when invalid). */
    public byte[] buffer() {
        return buffer;
    }

    /** Where the packet starts in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The whole packet's length, padding included. */
    public int length() {
        return length;
    }

    /** The version field: 2 for every valid packet. */
    public int version() {
        return (buffer[offset] & 0xFF) >>> 6;
    }

    /** The P bit: padding octets follow the payload. */
    public boolean hasPadding() {
        return (buffer[offset] & 0x20) != 0;
    }

    /** The X bit: a header extension follows the CSRC list (§5.3.1). */
    public boolean hasExtension() {
        return (buffer[offset] & 0x10) != 0;
    }

    /** The CC field: how many CSRC identifiers follow the fixed header. */
    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    /** The M bit (for audio, RFC 3551 §4.1: the first packet of a talkspurt). */
    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    /** The payload type, 0..127. */
    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    /** The sequence number, 0..65535. */
    public int sequence() {
        return BigEndian.u16(buffer, offset + 2);
    }

    /** The timestamp, unsigned 32-bit. */
    public long timestamp() {
        return BigEndian.u32(buffer, offset + 4);
    }

    /** The SSRC, unsigned 32-bit. */
    public long ssrc() {
        return BigEndian.u32(buffer, offset + 8);
    }

    /** The {@code index}th CSRC, unsigned 32-bit. */
    public long csrc(int index) {
        Objects.checkIndex(index, isValid() ? csrcCount() : 0);
        return BigEndian.u32(buffer, offset + FIXED_HEADER_LENGTH + 4 * index);
    }

    /** Header length: fixed header, CSRCs and extension. */
    public int headerLength() {
        return headerLength;
    }

    /** Where the payload starts in {@link #buffer()}. */
    public int payloadOffset() {
        return offset + headerLength;
    }

    /** Payload length, padding excluded. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Padding octets at the end, the count octet included; 0 without the P bit. */
    public int paddingLength() {
        return paddingLength;
    }

    /**
     * The 16-bit "defined by profile" field of the header extension (0xBEDE for RFC 8285
     * one-byte elements, 0x100x for two-byte ones), or {@link #NO_EXTENSION}.
     */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** Where the extension's data starts in {@link #buffer()} (after its 4-byte header). */
    public int extensionOffset() {
        return extensionOffset;
    }

    /** Length of the extension's data in bytes (its length field × 4). */
    public int extensionLength() {
        return extensionLength;
    }

    @Override
    public String toString() {
        if (!isValid()) {
            return "RtpView[invalid " + problem + "]";
        }
        return "RtpView[pt=" + payloadType() + " seq=" + sequence() + " ts=" + timestamp()
                + " ssrc=" + ssrc() + (marker() ? " M" : "") + " payload=" + payloadLength + "]";
    }
}
