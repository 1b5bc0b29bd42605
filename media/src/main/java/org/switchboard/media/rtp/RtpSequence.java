package org.switchboard.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1), which wrap from 65535 to 0:
 * "newer" means less than half the number space ahead (serial number arithmetic, RFC 1982).
 */
public final class RtpSequence {

    /** The sequence number space, 2^16 (RTP_SEQ_MOD of appendix A.1). */
    public static final int MODULUS = 1 << 16;

    private RtpSequence() {
    }

    /** The signed distance from {@code from} to {@code to}, in -32768..32767: next(7) - 7 = 1, 0 - 65535 = 1. */
    public static int delta(int to, int from) {
        return (short) (to - from);
    }

    /** Negative, zero or positive as {@code a} is older than, equal to, or newer than {@code b}. */
    public static int compare(int a, int b) {
        return Integer.signum(delta(a, b));
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return delta(a, b) > 0;
    }

    /** The sequence number after {@code sequence}: 65535 is followed by 0. */
    public static int next(int sequence) {
        return (sequence + 1) & 0xFFFF;
    }

    /** {@code sequence + n} modulo 2^16 ({@code n} may be negative). */
    public static int add(int sequence, int n) {
        return (sequence + n) & 0xFFFF;
    }
}
