package org.switchboard.net.rtp;

/**
 * Latencies in 1 µs buckets up to 100 ms, for the relay benchmark. Single writer; merge the
 * histograms of several threads with {@link #add}.
 */
final class LatencyHistogram {

    private static final int BUCKETS = 100_000;
    private final long[] counts = new long[BUCKETS + 1];
    private long total;
    private long maxNanos;

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        counts[(int) Math.min(micros, BUCKETS)]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i <= BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    long count() {
        return total;
    }

    /** The latency in µs below which {@code fraction} of the samples fall (upper bucket edge). */
    double percentileMicros(double fraction) {
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return i + 1;
        }
        return BUCKETS;
    }

    double maxMicros() {
        return maxNanos / 1_000.0;
    }
}
