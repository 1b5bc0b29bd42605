package org.switchboard.media.codec;

import static org.switchboard.media.codec.Q15.mult;
import static org.switchboard.media.codec.Q15.saturate;

/**
 * The adaptive state of one ITU-T G.722 sub-band ADPCM coder, identical in encoder and decoder:
 * the quantizer scale factor (blocks LOGSCL/SCALEL, LOGSCH/SCALEH) and the adaptive predictor
 * with two poles and six zeros (blocks PARREC, RECONS, UPZERO, UPPOL2, UPPOL1, FILTEZ, FILTEP,
 * PREDIC). Arithmetic is the 16-bit saturating arithmetic of the G.191 reference, in its order.
 */
final class G722Band {

    /**
     * The antilog table of SCALEL/SCALEH in compact form: the reference's 353-entry table ILA
     * (plus one) is {@code ILB[k & 31]} shifted by {@code 10 - (k >> 5)}, equal for all 353 entries.
     */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    };

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
    private final int[] b = new int[7];
    private final int[] d = new int[7];
    private int p1;
    private int p2;
    private int r1;
    private int r2;

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

    /** LOGSCL/LOGSCH then SCALEL/SCALEH: adapts the scale factor by the increment W of the last code. */
    void adaptScale(int increment) {
        int next = mult(logScale, 32512) + increment;
        logScale = Math.clamp(next, 0, maxLogScale);
        int k = (logScale >> 6) + ilaOffset;
        int shift = 10 - (k >> 5);
        int ila = shift >= 0 ? ILB[k & 31] >> shift : ILB[k & 31] << -shift;
        scale = ila << 2;
    }

    /**
     * Block 4: updates the predictor with the quantized difference {@code dq} (DLT/DH) and
     * computes the next {@link #estimate}.
     */
    void update(int dq) {
        int p0 = saturate(dq + zeroEstimate); // PARREC
        int r0 = saturate(estimate + dq); // RECONS
        zeroEstimate = updateZeros(dq);
        updatePoles(p0);
        r2 = r1; // FILTEP
        r1 = r0;
        int sp = saturate(mult(a1, saturate(r1 + r1)) + mult(a2, saturate(r2 + r2)));
        estimate = saturate(sp + zeroEstimate); // PREDIC
    }

    /**
     * UPZERO, DELAYD and FILTEZ in one pass (the reference runs them one after the other, in the
     * same tap order, so the saturating sums are the same): sign-sign update of the six zero
     * coefficients, shift of the difference line, and the zero section's estimate.
     */
    private int updateZeros(int dq) {
        int step = dq == 0 ? 0 : 128;
        boolean negative = dq < 0;
        d[0] = dq;
        int sz = 0;
        for (int i = 6; i > 0; i--) {
            int coefficient = saturate(((d[i] < 0) == negative ? step : -step) + mult(b[i], 32640));
            int difference = d[i - 1];
            b[i] = coefficient;
            d[i] = difference;
            sz = saturate(sz + mult(saturate(difference + difference), coefficient));
        }
        return sz;
    }

    /** UPPOL2 then UPPOL1: the two pole coefficients, kept inside the stability triangle. */
    private void updatePoles(int p0) {
        boolean n0 = p0 < 0;
        int wd1 = saturate(a1 << 2);
        int wd2 = (n0 == (p1 < 0) ? saturate(-wd1) : wd1) >> 7;
        int wd3 = n0 == (p2 < 0) ? 128 : -128;
        a2 = Math.clamp(saturate(saturate(wd2 + wd3) + mult(a2, 32512)), -12288, 12288);

        int next = saturate((n0 == (p1 < 0) ? 192 : -192) + mult(a1, 32640));
        int limit = saturate(15360 - a2);
        if (next > limit) {
            next = limit;
        } else if (next < -limit) {
            next = -limit;
        }
        a1 = next;
        p2 = p1;
        p1 = p0;
    }
}
