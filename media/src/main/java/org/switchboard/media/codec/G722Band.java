package org.switchboard.media.codec;

import static org.switchboard.media.codec.Q15.saturate;

/**
 * The adaptive state of one ITU-T G.722 sub-band ADPCM coder, identical in encoder and decoder:
 * the quantizer scale factor (blocks LOGSCL/SCALEL, LOGSCH/SCALEH) and the adaptive predictor
 * with two poles and six zeros (blocks PARREC, RECONS, UPZERO, UPPOL2, UPPOL1, FILTEZ, FILTEP,
 * PREDIC). Results are those of the 16-bit saturating arithmetic of the G.191 reference, in its
 * order; a saturation is left out only where the operands' ranges prove it cannot act (each such
 * place says why), and the sign tests are arithmetic rather than branches, as speech makes them
 * unpredictable.
 *
 * <p>Ranges the proofs rest on: the scale factor is at most 16,384 (ILA(352) × 4), so a quantized
 * difference {@code dq} is at most 16,384 × 20,456 / 2^15 = 10,228 in the lower band (2,557 × 8 the
 * largest INVQAL level) and 3,704 in the upper band; the zero coefficients stay 16-bit by their
 * own update (below); |a2| ≤ 12,288 and |a1| ≤ 15,360 + 12,288.
 */
final class G722Band {

    /**
     * DETL/DETH by index {@code (logScale >> 6) + offset}: the reference's 353-entry antilog table
     * ILA, times 4. ILA(k) is {@code ILB[k & 31]} shifted by {@code 10 - (k >> 5)}.
     */
    private static final int[] SCALES = new int[353];

    static {
        int[] ilb = {
            2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
            2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
        };
        for (int k = 0; k < SCALES.length; k++) {
            int shift = 10 - (k >> 5);
            int ila = shift >= 0 ? ilb[k & 31] >> shift : ilb[k & 31] << -shift;
            SCALES[k] = ila << 2;
        }
    }

    /** Signal estimate SL/SH: what the next sub-band sample is predicted to be. */
    int estimate;
    /** Quantizer scale factor DETL/DETH. */
    int scale;

    private final int maxLogScale;
    private final int ilaOffset;
    private int logScale;
    private int zeroEstimate;
    private int a1;
    private int a2;
    private int p1;
    private int p2;
    /** The last two reconstructed signals, doubled and saturated as FILTEP uses them. */
    private int r1Doubled;
    private int r2Doubled;
    // Zero coefficients BL1..BL6 and the quantized differences DLT1..DLT6 they weigh.
    private int b1;
    private int b2;
    private int b3;
    private int b4;
    private int b5;
    private int b6;
    private int d1;
    private int d2;
    private int d3;
    private int d4;
    private int d5;
    private int d6;

    private G722Band(int scale, int maxLogScale, int ilaOffset) {
        this.scale = scale;
        this.maxLogScale = maxLogScale;
        this.ilaOffset = ilaOffset;
    }

    /** The lower band at reset: DETL = 32, NBL limited to 18432, SCALEL reads ILA from 64. */
    static G722Band lower() {
        return new G722Band(32, 18432, 64);
    }

    /** The upper band at reset: DETH = 8, NBH limited to 22528, SCALEH reads ILA from 0. */
    static G722Band upper() {
        return new G722Band(8, 22528, 0);
    }

    /** Every scale factor either band can reach, smallest first (for tests of the quantizers). */
    static int[] possibleScales() {
        return SCALES.clone();
    }

    /**
     * LOGSCL/LOGSCH then SCALEL/SCALEH: adapts the scale factor by the increment W of the last code.
     * The product of G.191 {@code mult} cannot reach its one overflow, as the log scale is not negative.
     */
    void adaptScale(int increment) {
        logScale = Math.clamp(((logScale * 32512) >> 15) + increment, 0, maxLogScale);
        scale = SCALES[(logScale >> 6) + ilaOffset];
    }

    /**
     * Block 4: updates the predictor with the quantized difference {@code dq} (DLT/DH) and
     * computes the next {@link #estimate}.
     */
    void update(int dq) {
        int p0 = saturate(dq + zeroEstimate); // PARREC
        updateZeros(dq);
        int sz = zeroSum();
        zeroEstimate = sz;
        updatePoles(p0);
        r2Doubled = r1Doubled; // RECONS, doubled for FILTEP: sat(2 × sat(x)) = sat(2x)
        r1Doubled = saturate(2 * (estimate + dq));
        // |a1|, |a2| < 2^15, so neither mult overflows; their sum can exceed 16 bits
        int sp = saturate(((a1 * r1Doubled) >> 15) + ((a2 * r2Doubled) >> 15));
        estimate = saturate(sp + sz); // PREDIC
    }

    /**
     * UPZERO then DELAYD: sign-sign update of the six zero coefficients and shift of the
     * difference line. No saturation can act: b × 32640 / 2^15 lies in [-32640, 32639], so adding
     * ±128 stays 16-bit.
     */
    private void updateZeros(int dq) {
        int step = toward(((dq | -dq) >>> 31) << 7, dq); // ±128 by the sign of dq, or 0 when dq is 0
        b1 = ((b1 * 32640) >> 15) + toward(step, d1);
        b2 = ((b2 * 32640) >> 15) + toward(step, d2);
        b3 = ((b3 * 32640) >> 15) + toward(step, d3);
        b4 = ((b4 * 32640) >> 15) + toward(step, d4);
        b5 = ((b5 * 32640) >> 15) + toward(step, d5);
        b6 = ((b6 * 32640) >> 15) + toward(step, d6);
        d6 = d5;
        d5 = d4;
        d4 = d3;
        d3 = d2;
        d2 = d1;
        d1 = dq;
    }

    /**
     * FILTEZ: the zero section's estimate, summed from tap 6 down to tap 1 with the reference's
     * saturation after each tap. When no partial sum leaves 16 bits (on speech and tones, always:
     * {@code G722BandTest} has to force the coefficients to get there) the saturations are idle and
     * the plain sum is the answer; that test is one predictable branch instead of five saturations
     * on the encoder's critical path. A tap's {@code mult} needs no saturation: 2 × dq is at most
     * 20,456, never the -32768 that makes it overflow.
     */
    private int zeroSum() {
        int t6 = (d6 * 2 * b6) >> 15;
        int t5 = (d5 * 2 * b5) >> 15;
        int t4 = (d4 * 2 * b4) >> 15;
        int t3 = (d3 * 2 * b3) >> 15;
        int t2 = (d2 * 2 * b2) >> 15;
        int t1 = (d1 * 2 * b1) >> 15;
        int s5 = t6 + t5;
        int s4 = s5 + t4;
        int s3 = s4 + t3;
        int s2 = s3 + t2;
        int s1 = s2 + t1;
        int offRange = (s5 + 32768) | (s4 + 32768) | (s3 + 32768) | (s2 + 32768) | (s1 + 32768);
        if (offRange >>> 16 == 0) {
            return s1;
        }
        return saturate(saturate(saturate(saturate(saturate(t6 + t5) + t4) + t3) + t2) + t1);
    }

    /**
     * UPPOL2 then UPPOL1: the two pole coefficients, kept inside the stability triangle. Of the
     * reference's saturations only two can act: 4 × a1 (kept to ±32767, which gives the same
     * {@code >> 7} as -32768 and can be negated) and the final limits.
     */
    private void updatePoles(int p0) {
        int same1 = ~((p0 ^ p1) >> 31); // -1 when p0 and p1 have the same sign
        int wd1 = Math.clamp(a1 << 2, -32767, 32767);
        int wd2 = ((wd1 ^ same1) - same1) >> 7; // -wd1 when the signs agree
        int wd3 = toward(128, p0 ^ p2);
        a2 = Math.clamp(wd2 + wd3 + ((a2 * 32512) >> 15), -12288, 12288);

        int limit = 15360 - a2;
        a1 = Math.clamp(toward(192, p0 ^ p1) + ((a1 * 32640) >> 15), -limit, limit);
        p2 = p1;
        p1 = p0;
    }

    /** {@code step} when the sign bit of {@code signs} is clear (a value ≥ 0, two of a sign), else {@code -step}. */
    private static int toward(int step, int signs) {
        int negate = signs >> 31;
        return (step ^ negate) - negate;
    }
}
