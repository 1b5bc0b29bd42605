package org.switchboard.media.jitter;

import java.util.Arrays;

/**
 * How much playout delay a stream needs, from the relative transit times of its packets
 * (RFC 3550 §6.4.1 and §A.8: arrival minus RTP timestamp, in timestamp units; the unknown clock
 * offset cancels out because only differences matter).
 *
 * <p>The delay a packet needs is its transit minus the fastest transit seen lately. The target
 * is a high quantile of that over a sliding window of recent packets, plus a guard, so a few
 * outliers do not hold the whole call at a long delay; packets found late raise a peak that
 * lifts the target at once and then decays linearly, so the target grows fast and shrinks
 * slowly. The window is kept both in arrival order (to know what leaves) and sorted (the minimum
 * and the quantile are then index reads): two binary searches and two array moves per packet,
 * nothing allocated.
 */
final class DelayEstimator {

    /** Recent packets the window holds: 5 s of 20 ms packets. */
    static final int WINDOW = 256;
    /** The share of recent packets the target covers before its guard. */
    static final double QUANTILE = 0.98;
    /** How fast a peak decays: 1 unit per 50 units of time, 20 ms per second. */
    static final int PEAK_DECAY_DIVISOR = 50;

    private final long[] arrivalOrder = new long[WINDOW];
    private final long[] sorted = new long[WINDOW];
    private final long minDelay;
    private final long maxDelay;
    private final long guard;
    private int count;
    private int oldest;
    private long peak;
    private long peakAt;

    /** All in timestamp units. */
    DelayEstimator(long minDelay, long maxDelay, long guard) {
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        this.guard = guard;
    }

    void clear() {
        count = 0;
        oldest = 0;
        peak = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds the relative transit of a packet, evicting the oldest once the window is full. */
    void add(long transit) {
        if (count == WINDOW) {
            long evicted = arrivalOrder[oldest];
            arrivalOrder[oldest] = transit;
            oldest = (oldest + 1) % WINDOW;
            int at = Arrays.binarySearch(sorted, 0, count, evicted);
            System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
            count--;
        } else {
            arrivalOrder[(oldest + count) % WINDOW] = transit;
        }
        int at = Arrays.binarySearch(sorted, 0, count, transit);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = transit;
        count++;
    }

    /** The fastest relative transit in the window: the reference of every delay. */
    long minTransit() {
        return count == 0 ? 0 : sorted[0];
    }

    /** The delay the window's quantile needs, with no guard or bounds. */
    long jitter() {
        if (count == 0) {
            return 0;
        }
        int index = Math.max(0, (int) Math.ceil(QUANTILE * count) - 1);
        return sorted[index] - sorted[0];
    }

    /** Notes that a packet needed {@code delay} (units beyond the fastest) and came too late for it. */
    void notePeak(long delay, long now) {
        long wanted = delay + guard;
        if (wanted > peakAt(now)) {
            peak = wanted;
            peakAt = now;
        }
    }

    private long peakAt(long now) {
        long decayed = peak - Math.max(0, now - peakAt) / PEAK_DECAY_DIVISOR;
        return Math.max(0, decayed);
    }

    /** The playout delay to aim at now, in [minDelay, maxDelay]. */
    long target(long now) {
        long wanted = Math.max(jitter() + guard, peakAt(now));
        return Math.clamp(wanted, minDelay, maxDelay);
    }

    /** The delay below which packets start to be late in numbers: the quantile alone, at most the maximum. */
    long floor() {
        return Math.min(jitter(), maxDelay);
    }
}
