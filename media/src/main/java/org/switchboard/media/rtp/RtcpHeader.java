package org.switchboard.media.rtp;

/**
 * The RTCP common header (RFC 3550 §6.4.1): V=2, P, a 5-bit count (RC, SC or FMT), the packet
 * type, and the length in 32-bit words minus one. Shared by the packet records' writers.
 */
final class RtcpHeader {

    static final int LENGTH = 4;

    private RtcpHeader() {
    }

    /** Writes a header for a packet of {@code totalLength} bytes (a multiple of 4, header included). */
    static void write(byte[] out, int offset, int count, int packetType, int totalLength) {
        out[offset] = (byte) (0x80 | count);
        out[offset + 1] = (byte) packetType;
        BigEndian.put16(out, offset + 2, totalLength / 4 - 1);
    }

    /** {@code totalLength} bytes from {@code offset} must fit in {@code out}. */
    static void requireRoom(byte[] out, int offset, int totalLength) {
        RtpWriter.requireRoom(out, offset, totalLength);
    }

    static long requireU32(String what, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + value + " is not an unsigned 32-bit value");
        }
        return value;
    }

    static int requireCount(String what, int count) {
        if (count > 31) {
            throw new IllegalArgumentException(count + " " + what + " do not fit the 5-bit count of one RTCP packet");
        }
        return count;
    }

    /** {@code n} rounded up to a multiple of 4. */
    static int padTo4(int n) {
        return (n + 3) & ~3;
    }
}
