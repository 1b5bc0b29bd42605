package org.switchboard.media.rtp;

/**
 * Writes RTP headers (RFC 3550 §5.1) and packets into the caller's array: no allocation, no
 * padding, no extension. The sequence number is taken modulo 2^16 and the timestamp and SSRC
 * modulo 2^32, so a sender may keep plain counters (RFC 3550 §5.1 asks for random initial
 * values: the caller chooses them).
 */
public final class RtpWriter {

    private RtpWriter() {
    }

    /**
     * Writes a 12-byte header with no CSRC at {@code offset} and returns 12.
     *
     * @throws IllegalArgumentException when {@code payloadType} is not 0..127 or there is no room
     */
    public static int writeHeader(byte[] out, int offset, boolean marker, int payloadType, int sequence,
                                  long timestamp, long ssrc) {
        return writeHeader(out, offset, marker, payloadType, sequence, timestamp, ssrc, null, 0);
    }

    /**
     * Writes a header with the first {@code csrcCount} (0..15) of {@code csrcs} as its CSRC list
     * (a mixer's contributors, §7.1) and returns its length, 12 + 4 × {@code csrcCount}.
     *
     * @throws IllegalArgumentException when an argument is out of range or there is no room
     */
    public static int writeHeader(byte[] out, int offset, boolean marker, int payloadType, int sequence,
                                  long timestamp, long ssrc, long[] csrcs, int csrcCount) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not 0..127");
        }
        if (csrcCount < 0 || csrcCount > 15 || (csrcCount > 0 && (csrcs == null || csrcs.length < csrcCount))) {
            throw new IllegalArgumentException("CSRC count " + csrcCount + " is not 0..15 within the array given");
        }
        int length = RtpView.FIXED_HEADER_LENGTH + 4 * csrcCount;
        requireRoom(out, offset, length);
        out[offset] = (byte) (0x80 | csrcCount);
        out[offset + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        BigEndian.put16(out, offset + 2, sequence);
        BigEndian.put32(out, offset + 4, timestamp);
        BigEndian.put32(out, offset + 8, ssrc);
        for (int i = 0; i < csrcCount; i++) {
            BigEndian.put32(out, offset + RtpView.FIXED_HEADER_LENGTH + 4 * i, csrcs[i]);
        }
        return length;
    }

    /**
     * Writes a 12-byte header followed by {@code payloadLength} bytes of {@code payload} and
     * returns the packet length.
     *
     * @throws IllegalArgumentException when an argument is out of range or there is no room
     */
    public static int writePacket(byte[] out, int offset, boolean marker, int payloadType, int sequence,
                                  long timestamp, long ssrc, byte[] payload, int payloadOffset, int payloadLength) {
        if (payload == null || !BigEndian.inBounds(payload.length, payloadOffset, payloadLength)) {
            throw new IllegalArgumentException("payload range " + payloadOffset + "+" + payloadLength
                    + " is not inside the payload array");
        }
        requireRoom(out, offset, RtpView.FIXED_HEADER_LENGTH + payloadLength);
        int header = writeHeader(out, offset, marker, payloadType, sequence, timestamp, ssrc);
        System.arraycopy(payload, payloadOffset, out, offset + header, payloadLength);
        return header + payloadLength;
    }

    static void requireRoom(byte[] out, int offset, int length) {
        if (out == null || !BigEndian.inBounds(out.length, offset, length)) {
            throw new IllegalArgumentException("no room for " + length + " bytes at offset " + offset
                    + " of a " + (out == null ? "null" : out.length + "-byte") + " array");
        }
    }
}
