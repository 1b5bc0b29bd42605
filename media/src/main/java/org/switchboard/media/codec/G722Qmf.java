package org.switchboard.media.codec;

/**
 * The 24-tap quadrature mirror filter delay line of ITU-T G.722, transmit (analysis) and receive
 * (synthesis), with the coefficients of G.722 Table 11. Samples enter in pairs; the
 * two sums split the taps by parity, from which the encoder forms the lower and upper sub-band
 * sample and the decoder its two output samples.
 *
 * <p>The line is a ring stored twice over (48 ints) so that the 24 newest samples always lie
 * contiguous, oldest first, from {@code next}: no shifting per sample pair. The 24 products are
 * written out with the coefficients as constants: this runs once per codeword, on every G.722
 * call, and the sums fit 32 bits without saturation (12 coefficients of at most 6,482 in absolute
 * sum, times 2^15).
 */
final class G722Qmf {

    private static final int TAPS = 24;

    private final int[] line = new int[2 * TAPS];
    private int next;

    /** The sums of the last {@link #filter()}. */
    int newerSum;
    int olderSum;

    /** Enters two samples, {@code first} first in time. */
    void push(int first, int second) {
        int at = next;
        line[at] = first;
        line[at + TAPS] = first;
        line[at + 1] = second;
        line[at + 1 + TAPS] = second;
        next = at == TAPS - 2 ? 0 : at + 2;
    }

    /**
     * Filters the line as it stands: afterwards {@link #newerSum} is Σ h·x over the taps that hold
     * the newer sample of each pair (the reference's {@code accuma}) and {@link #olderSum} over the
     * others ({@code accumb}). Table 11 read oldest first: h0..h23 = 3, -11, -11, 53, 12, -156, 32,
     * 362, -210, -805, 951, 3876, then the same backwards.
     */
    void filter() {
        int[] x = line;
        int b = next;
        olderSum = 3 * x[b] - 11 * x[b + 2] + 12 * x[b + 4] + 32 * x[b + 6]
                - 210 * x[b + 8] + 951 * x[b + 10] + 3876 * x[b + 12] - 805 * x[b + 14]
                + 362 * x[b + 16] - 156 * x[b + 18] + 53 * x[b + 20] - 11 * x[b + 22];
        newerSum = -11 * x[b + 1] + 53 * x[b + 3] - 156 * x[b + 5] + 362 * x[b + 7]
                - 805 * x[b + 9] + 3876 * x[b + 11] + 951 * x[b + 13] - 210 * x[b + 15]
                + 32 * x[b + 17] + 12 * x[b + 19] - 11 * x[b + 21] + 3 * x[b + 23];
    }
}
