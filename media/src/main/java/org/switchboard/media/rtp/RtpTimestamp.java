package org.switchboard.media.rtp;

/**
 * Arithmetic on 32-bit RTP timestamps (RFC 3550 §5.1), unsigned values in a {@code long} that
 * wrap from 2^32 − 1 to 0 (after 6.2 days at 8 kHz, 25 hours at 48 kHz, sooner from a random
 * start): "later" means less than half the space ahead.
 */
public final class RtpTimestamp {

    /** 2^32: the timestamp space. */
    public static final long MODULUS = 1L << 32;

    private RtpTimestamp() {
    }

    /** The signed distance from {@code from} to {@code to} in timestamp units, wrap-aware. */
    public static int delta(long to, long from) {
        return (int) (to - from);
    }

    /** Negative, zero or positive as {@code a} is earlier than, equal to, or later than {@code b}. */
    public static int compare(long a, long b) {
        return Integer.signum(delta(a, b));
    }

    /** Whether {@code a} is later than {@code b}. */
    public static boolean isLater(long a, long b) {
        return delta(a, b) > 0;
    }

    /** {@code timestamp + units} modulo 2^32. */
    public static long add(long timestamp, long units) {
        return (timestamp + units) & 0xFFFF_FFFFL;
    }

    /**
     * {@code nanos} of a monotonic clock in units of a {@code clockRate} Hz clock, modulo 2^32:
     * the arrival time of appendix A.8 in the packets' own units. Exact for any {@code nanos}
     * (no overflow), and differences of results are right modulo 2^32.
     */
    public static int unitsOfNanos(long nanos, int clockRate) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long rest = Math.floorMod(nanos, 1_000_000_000L);
        return (int) (seconds * clockRate + rest * clockRate / 1_000_000_000L);
    }
}
