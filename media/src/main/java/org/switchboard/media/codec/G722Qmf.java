package org.switchboard.media.codec;

/**
 * The 24-tap quadrature mirror filter delay line of ITU-T G.722, transmit (analysis) and receive
 * (synthesis), with the coefficients of G.722 Table 11. Samples enter in pairs; the
 * two sums split the taps by parity, from which the encoder forms the lower and upper sub-band
 * sample and the decoder its two output samples.
 *
 * <p>The line is a ring stored twice over (48 ints) so that the 24 newest samples always lie
 * contiguous, oldest first, from {@code next}: no shifting per sample pair.
 */
final class G722Qmf {

    /** G.722 Table 11 (h0..h23, symmetric), so a window read oldest first uses the same order. */
    private static final int[] H = {
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    };

    private static final int TAPS = 24;

    private final int[] line = new int[2 * TAPS];
    private int next;

    /** The sums of the last {@link #filter()}. */
    int newerSum;
    int olderSum;

    /** Enters two samples, {@code first} first in time. */
    void push(int first, int second) {
        line[next] = first;
        line[next + TAPS] = first;
        line[next + 1] = second;
        line[next + 1 + TAPS] = second;
        next = next + 2 == TAPS ? 0 : next + 2;
    }

    /**
     * Filters the line as it stands: afterwards {@link #newerSum} is Σ h·x over the taps that hold
     * the newer sample of each pair (the reference's {@code accuma}) and {@link #olderSum} over the
     * others ({@code accumb}). One pass for both, as this runs once per codeword.
     */
    void filter() {
        int[] x = line;
        int base = next;
        int sumOlder = 0;
        int sumNewer = 0;
        for (int m = 0; m < TAPS; m += 2) {
            sumOlder += H[m] * x[base + m];
            sumNewer += H[m + 1] * x[base + m + 1];
        }
        olderSum = sumOlder;
        newerSum = sumNewer;
    }
}
