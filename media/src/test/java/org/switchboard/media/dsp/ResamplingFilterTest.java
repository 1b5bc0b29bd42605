package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The designed filters' response, computed from their taps (the tone tests measure the same through PCM). */
class ResamplingFilterTest {

    /** |H(f)| in dB of a symmetric filter, f in cycles per sample of the higher rate. */
    private static double responseDb(double[] h, double f) {
        double centre = (h.length - 1) / 2.0;
        double sum = 0;
        for (int n = 0; n < h.length; n++) {
            sum += h[n] * Math.cos(2 * Math.PI * f * (n - centre));
        }
        return 20 * Math.log10(Math.abs(sum));
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(ints = {2, 3, 6})
    void passbandDroopIsUnderAQuarterDecibelAndTheStopbandBelow79Decibels(int factor) {
        ResamplingFilter filter = ResamplingFilter.forFactor(factor);
        double[] h = filter.impulseResponse();
        assertThat(h).hasSize(84 * factor - 1);
        double worstPass = 0;
        double worstStop = -1000;
        for (int i = 0; i <= 4000; i++) {
            double f = 0.5 * i / 4000; // 0 .. Nyquist of the higher rate
            double lowerRateUnits = f * factor;
            double db = responseDb(h, f);
            if (lowerRateUnits <= 0.45) {
                worstPass = Math.max(worstPass, Math.abs(db));
            } else if (lowerRateUnits >= 0.5) {
                worstStop = Math.max(worstStop, db);
            }
        }
        assertThat(worstPass).isLessThan(0.25);
        assertThat(worstStop).isLessThan(-79);
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(ints = {2, 3, 6})
    void theFilterIsSymmetricSoEveryFrequencyIsDelayedAlike(int factor) {
        double[] h = ResamplingFilter.forFactor(factor).impulseResponse();
        for (int n = 0; n < h.length; n++) {
            assertThat(h[n]).isCloseTo(h[h.length - 1 - n], within(1e-15));
        }
        assertThat(ResamplingFilter.forFactor(factor).groupDelay()).isEqualTo(42.0 * factor - 1);
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(ints = {2, 3, 6})
    void everyInterpolationBranchPassesDirectCurrentAtUnityGain(int factor) {
        // Otherwise a constant input would come out with a ripple at the input rate: an image.
        ResamplingFilter filter = ResamplingFilter.forFactor(factor);
        float[] taps = filter.interpolationTaps();
        double decimationSum = 0;
        for (int p = 0; p < factor; p++) {
            double sum = 0;
            for (int i = 0; i < ResamplingFilter.TAPS_PER_PHASE; i++) {
                sum += taps[p * ResamplingFilter.TAPS_PER_PHASE + i];
                decimationSum += filter.decimationBranches()[p * ResamplingFilter.TAPS_PER_PHASE + i];
            }
            assertThat(sum).isCloseTo(1, within(1e-3));
        }
        assertThat(decimationSum).isCloseTo(1, within(1e-6));
    }
}
