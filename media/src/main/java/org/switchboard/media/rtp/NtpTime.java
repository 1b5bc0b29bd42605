package org.switchboard.media.rtp;

import java.util.OptionalDouble;

/**
 * NTP timestamps as RTCP carries them (RFC 3550 §4): 64 bits, seconds since 1 January 1900 in
 * the high 32 and the fraction of a second in the low 32; and the "compact" middle 32 bits in
 * units of 1/65536 s that LSR and DLSR use (§6.4.1). Computed from a wall time the caller gives:
 * no clock here.
 */
public final class NtpTime {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** The 64-bit NTP timestamp of a Unix time in milliseconds (era wrap of 2036 included). */
    public static long fromUnixMillis(long unixMillis) {
        long seconds = Math.floorDiv(unixMillis, 1000L) + UNIX_EPOCH_OFFSET_SECONDS;
        long fraction = (Math.floorMod(unixMillis, 1000L) << 32) / 1000L;
        return seconds << 32 | fraction;
    }

    /**
     * The Unix time in milliseconds of an NTP timestamp, reading seconds with the top bit clear
     * as era 1 (after February 2036), as RFC 4330 §3 suggests; the fraction is rounded to the
     * nearest millisecond.
     */
    public static long toUnixMillis(long ntp) {
        long seconds = ntp >>> 32;
        if (seconds < 0x8000_0000L) {
            seconds += 1L << 32;
        }
        long millis = ((ntp & 0xFFFF_FFFFL) * 1000L + (1L << 31)) >>> 32;
        return (seconds - UNIX_EPOCH_OFFSET_SECONDS) * 1000L + millis;
    }

    /** The middle 32 bits of a 64-bit NTP timestamp: the LSR field of a report block. */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** The compact NTP time (1/65536 s) of a Unix time in milliseconds. */
    public static long compactOfUnixMillis(long unixMillis) {
        return middle32(fromUnixMillis(unixMillis));
    }

    /** A duration in nanoseconds as 1/65536 s units (DLSR), clamped to 0..2^32 − 1. */
    public static long compactOfNanos(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long units = nanos / 1_000_000_000L * 65536 + nanos % 1_000_000_000L * 65536 / 1_000_000_000L;
        return Math.min(units, 0xFFFF_FFFFL);
    }

    /**
     * The round-trip time of §6.4.1, {@code arrival − LSR − DLSR} in 1/65536 s, in milliseconds:
     * {@code arrivalCompact} is when the report block arrived, on the clock that stamped the SR
     * it echoes. Empty when the block echoes no SR ({@code lsr == 0}) or the result is negative
     * (the clock stepped back, or a broken peer).
     */
    public static OptionalDouble roundTripMillis(long arrivalCompact, long lsr, long dlsr) {
        if (lsr == 0) {
            return OptionalDouble.empty();
        }
        long units = (arrivalCompact - lsr - dlsr) & 0xFFFF_FFFFL;
        if (units >= 0x8000_0000L) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(units * 1000.0 / 65536);
    }
}
