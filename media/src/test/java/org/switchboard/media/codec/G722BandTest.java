package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The predictor and scale adaptation against a literal transcription of G.722 block 4 and
 * LOGSCL/SCALEL (G.191 basic operators, saturation after every operation, in the reference's
 * order), on every quantized difference the codec can produce and on runs that drive the zero
 * coefficients to their limits, where the reference's saturations act.
 */
class G722BandTest {

    /** The largest |dq| of each band: scale factor 16,384 times the largest level, over 2^15. */
    private static final int MAX_LOW_DQ = 10228;
    private static final int MAX_HIGH_DQ = 3704;

    @Test
    void randomDifferencesGiveTheReferenceEstimates() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            boolean lower = round % 2 == 0;
            int max = lower ? MAX_LOW_DQ : MAX_HIGH_DQ;
            compare(lower, random, i -> random.nextInt(-max, max + 1));
        }
    }

    @Test
    void longRunsOfOneSignDriveTheCoefficientsToSaturation() {
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 200; round++) {
            boolean lower = round % 2 == 0;
            int max = lower ? MAX_LOW_DQ : MAX_HIGH_DQ;
            int run = random.nextInt(1, 400);
            compare(lower, random, i -> {
                int sign = (i / run) % 2 == 0 ? 1 : -1;
                return random.nextInt(4) == 0 ? 0 : sign * random.nextInt(max - 200, max + 1);
            });
        }
    }

    @Test
    void theFilterSaturatesAsTheReferenceWhenItsPartialSumsOverflow() {
        // alternating full-size differences with all coefficients pushed one way: large taps of one sign
        ReferenceBand reference = new ReferenceBand(true);
        G722Band band = G722Band.lower();
        int saturated = 0;
        for (int i = 0; i < 5000; i++) {
            int dq = (i % 3 == 0 ? -1 : 1) * MAX_LOW_DQ;
            band.adaptScale(i % 5 == 0 ? -60 : 3042);
            reference.adaptScale(i % 5 == 0 ? -60 : 3042);
            band.update(dq);
            reference.update(dq);
            assertThat(band.estimate).as("step %d", i).isEqualTo(reference.estimate);
            assertThat(band.scale).isEqualTo(reference.scale);
            saturated += reference.zeroSaturations;
            reference.zeroSaturations = 0;
        }
        assertThat(saturated).as("steps where the reference's tap saturation acted").isPositive();
    }

    private interface Differences {
        int at(int i);
    }

    private static void compare(boolean lower, SplittableRandom random, Differences differences) {
        int[] increments = lower ? new int[] {-60, -30, 58, 172, 334, 538, 1198, 3042} : new int[] {0, -214, 798};
        ReferenceBand reference = new ReferenceBand(lower);
        G722Band band = lower ? G722Band.lower() : G722Band.upper();
        for (int i = 0; i < 2000; i++) {
            int increment = increments[random.nextInt(increments.length)];
            band.adaptScale(increment);
            reference.adaptScale(increment);
            int dq = differences.at(i);
            band.update(dq);
            reference.update(dq);
            assertThat(band.estimate).as("step %d", i).isEqualTo(reference.estimate);
            assertThat(band.scale).as("step %d", i).isEqualTo(reference.scale);
        }
    }

    /** G.722 block 4 and the scale adaptation as the G.191 reference writes them. */
    private static final class ReferenceBand {

        int estimate;
        int scale;
        int zeroSaturations;
        private final int maxLogScale;
        private final int ilaOffset;
        private int logScale;
        private int sz;
        private int a1;
        private int a2;
        private final int[] b = new int[7];
        private final int[] d = new int[7];
        private int p1;
        private int p2;
        private int r1;
        private int r2;

        ReferenceBand(boolean lower) {
            scale = lower ? 32 : 8;
            maxLogScale = lower ? 18432 : 22528;
            ilaOffset = lower ? 64 : 0;
        }

        private static int add(int a, int b) {
            return Math.clamp((long) a + b, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        private static int mult(int a, int b) {
            int product = (a * b) >> 15;
            return product == 0x8000 ? Short.MAX_VALUE : product;
        }

        void adaptScale(int increment) {
            logScale = Math.clamp(add(mult(logScale, 32512), increment), 0, maxLogScale);
            int[] ilb = {
                2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
                2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
            };
            int k = (logScale >> 6) + ilaOffset;
            int shift = 10 - (k >> 5);
            scale = (shift >= 0 ? ilb[k & 31] >> shift : ilb[k & 31] << -shift) << 2;
        }

        void update(int dq) {
            int p0 = add(dq, sz); // PARREC
            int r0 = add(estimate, dq); // RECONS
            // UPZERO
            int wd1 = dq == 0 ? 0 : 128;
            for (int i = 1; i < 7; i++) {
                int wd2 = (d[i] < 0) == (dq < 0) ? wd1 : -wd1;
                b[i] = add(wd2, mult(b[i], 32640));
            }
            // DELAYD
            for (int i = 6; i > 0; i--) {
                d[i] = i == 1 ? dq : d[i - 1];
            }
            // UPPOL2
            int wd = add(a1, a1);
            wd = add(wd, wd);
            int wd2 = (p0 < 0) == (p1 < 0) ? add(0, -wd) : wd;
            wd2 >>= 7;
            int wd3 = (p0 < 0) == (p2 < 0) ? 128 : -128;
            a2 = Math.clamp(add(add(wd2, wd3), mult(a2, 32512)), -12288, 12288);
            // UPPOL1
            int next = add((p0 < 0) == (p1 < 0) ? 192 : -192, mult(a1, 32640));
            int limit = add(15360, -a2);
            a1 = Math.clamp(next, -limit, limit);
            // FILTEZ
            int sum = 0;
            long exact = 0;
            for (int i = 6; i > 0; i--) {
                int term = mult(add(d[i], d[i]), b[i]);
                exact += term;
                sum = add(sum, term);
                zeroSaturations += exact != sum ? 1 : 0;
                exact = sum;
            }
            sz = sum;
            // FILTEP, PREDIC
            p2 = p1;
            p1 = p0;
            r2 = r1;
            r1 = r0;
            int sp = add(mult(a1, add(r1, r1)), mult(a2, add(r2, r2)));
            estimate = add(sp, sz);
        }
    }
}
