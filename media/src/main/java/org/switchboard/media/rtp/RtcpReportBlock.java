package org.switchboard.media.rtp;

/**
 * A reception report block (RFC 3550 §6.4.1): what a receiver tells about one source it hears.
 *
 * @param ssrc                       the source reported on (SSRC_n)
 * @param fractionLost               packets lost since the previous report, in 1/256 (A.3)
 * @param cumulativeLost             packets lost since reception began, signed 24-bit (duplicates
 *                                   can make it negative)
 * @param extendedHighestSequence    cycles × 2^16 + highest sequence number received
 * @param jitter                     interarrival jitter in timestamp units (A.8)
 * @param lastSenderReport           LSR: middle 32 bits of the NTP timestamp of the last SR heard
 *                                   from the source, 0 if none
 * @param delaySinceLastSenderReport DLSR: time since that SR, in 1/65536 s, 0 if none
 */
public record RtcpReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                              long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    /** Encoded length: six 32-bit words. */
    public static final int LENGTH = 24;
    /** Largest cumulative loss a report can carry, 2^23 − 1 (A.3 clamps to it). */
    public static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    /** Smallest cumulative loss a report can carry, −2^23. */
    public static final int MIN_CUMULATIVE_LOST = -0x80_0000;

    public RtcpReportBlock {
        RtcpHeader.requireU32("SSRC", ssrc);
        RtcpHeader.requireU32("extended highest sequence number", extendedHighestSequence);
        RtcpHeader.requireU32("jitter", jitter);
        RtcpHeader.requireU32("LSR", lastSenderReport);
        RtcpHeader.requireU32("DLSR", delaySinceLastSenderReport);
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost " + fractionLost + " is not 0..255");
        }
        if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
            throw new IllegalArgumentException("cumulative lost " + cumulativeLost + " does not fit 24 signed bits");
        }
    }

    /** The fraction lost as a percentage, 0..99.6. */
    public double fractionLostPercent() {
        return fractionLost * 100.0 / 256;
    }

    static RtcpReportBlock read(byte[] b, int at) {
        int lost = BigEndian.u24(b, at + 5) << 8 >> 8;
        return new RtcpReportBlock(BigEndian.u32(b, at), BigEndian.u8(b, at + 4), lost,
                BigEndian.u32(b, at + 8), BigEndian.u32(b, at + 12), BigEndian.u32(b, at + 16),
                BigEndian.u32(b, at + 20));
    }

    void write(byte[] out, int at) {
        BigEndian.put32(out, at, ssrc);
        out[at + 4] = (byte) fractionLost;
        BigEndian.put24(out, at + 5, cumulativeLost);
        BigEndian.put32(out, at + 8, extendedHighestSequence);
        BigEndian.put32(out, at + 12, jitter);
        BigEndian.put32(out, at + 16, lastSenderReport);
        BigEndian.put32(out, at + 20, delaySinceLastSenderReport);
    }
}
