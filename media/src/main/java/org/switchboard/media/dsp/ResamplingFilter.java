package org.switchboard.media.dsp;

/**
 * The anti-aliasing / anti-imaging low-pass filter of one integer resampling factor: a windowed
 * sinc (Kaiser window), designed once per factor and shared by every {@link Resampler} of that
 * factor (the tables are read-only after class initialisation).
 *
 * <p>Design, in units of the lower rate {@code fs}: cutoff (the sinc's -6 dB point) at
 * {@value #CUTOFF} x fs, {@value #TAPS_PER_PHASE} taps per polyphase branch (so {@code 84 x factor - 1}
 * taps at the higher rate, padded with one zero), Kaiser beta {@value #BETA}. Computed response: at most
 * 0.22 dB of droop up to 0.45 x fs, at least 79 dB of attenuation from 0.5 x fs (the lower rate's
 * Nyquist frequency) upwards, so nothing above the lower Nyquist folds back when decimating and no
 * image appears above it when interpolating. The filter is linear-phase: its group delay is
 * {@code (taps - 1) / 2 = 42 x factor - 1} samples at the higher rate, whatever the frequency.
 */
final class ResamplingFilter {

    /** Taps per polyphase branch: the filter's length in samples of the lower rate. */
    static final int TAPS_PER_PHASE = 84;
    /** Samples per pass of the block loops: a 20 ms frame at 16 kHz, or 20 ms of output at 16 kHz. */
    static final int BLOCK = 320;
    /** Cutoff as a fraction of the lower sample rate. */
    static final double CUTOFF = 0.47;
    /** Kaiser window shape: about 79 dB of stopband for this length and transition band. */
    static final double BETA = 7.8;

    private static final ResamplingFilter TWO = new ResamplingFilter(2);
    private static final ResamplingFilter THREE = new ResamplingFilter(3);
    private static final ResamplingFilter SIX = new ResamplingFilter(6);

    private final int factor;
    /** The prototype at the higher rate, DC gain 1, symmetric, {@code TAPS_PER_PHASE x factor - 1} taps. */
    private final double[] prototype;
    /** Interpolation branch p at {@code [p x K, (p + 1) x K)}, oldest input first, DC gain 1 each. */
    private final float[] interpolation;
    /** Decimation branch q (input stream {@code g mod M = q}) at {@code [q x K, (q + 1) x K)}, oldest first. */
    private final float[] decimation;

    private ResamplingFilter(int factor) {
        this.factor = factor;
        int k = TAPS_PER_PHASE;
        prototype = windowedSinc(k * factor - 1, CUTOFF / factor, BETA);
        interpolation = new float[k * factor];
        decimation = new float[k * factor];
        for (int branch = 0; branch < factor; branch++) {
            for (int j = 0; j < k; j++) {
                int newerBy = k - 1 - j; // position j of the window is this many input samples before the newest
                interpolation[branch * k + j] = (float) (tap(branch + newerBy * factor) * factor);
                decimation[branch * k + j] = (float) tap(newerBy * factor + factor - 1 - branch);
            }
        }
    }

    /** The prototype's tap {@code n}, or 0 past its end (the pad that makes every branch K long). */
    private double tap(int n) {
        return n < prototype.length ? prototype[n] : 0;
    }

    /** The shared filter for {@code factor} (2, 3 or 6). */
    static ResamplingFilter forFactor(int factor) {
        return switch (factor) {
            case 2 -> TWO;
            case 3 -> THREE;
            case 6 -> SIX;
            default -> throw new IllegalArgumentException("no filter for factor " + factor + " (2, 3 or 6)");
        };
    }

    int factor() {
        return factor;
    }

    /** Real taps at the higher rate (the impulse response's length). */
    int taps() {
        return prototype.length;
    }

    /** Group delay in samples of the higher rate. */
    double groupDelay() {
        return (taps() - 1) / 2.0;
    }

    /** Read-only by contract: callers never write. */
    float[] interpolationTaps() {
        return interpolation;
    }

    /** Read-only by contract: callers never write. */
    float[] decimationBranches() {
        return decimation;
    }

    /** A copy of the prototype at the higher rate, for tests: DC gain 1, symmetric. */
    double[] impulseResponse() {
        return prototype.clone();
    }

    /**
     * Adds the filter branch {@code taps[tapOffset, tapOffset + k)} applied to {@code n} consecutive
     * windows of {@code samples} to {@code sums}: {@code sums[m] += taps[i] x samples[offset + m + i]},
     * tap by tap. The inner loop runs over outputs, not taps, so it carries no running sum; each
     * tap's samples are first copied to {@code scratch} at index 0, so that the load and the store
     * share an index and the JIT vectorises the loop without proving that the arrays differ
     * (measured: about twice the speed of four running dot products). Every {@code sums[m]} still
     * adds its taps in the order i = 0, 1, ..., so the result does not depend on framing.
     */
    static void accumulate(float[] taps, int tapOffset, int k, float[] samples, int offset, float[] sums,
            float[] scratch, int n) {
        for (int i = 0; i < k; i++) {
            float tap = taps[tapOffset + i];
            System.arraycopy(samples, offset + i, scratch, 0, n);
            for (int m = 0; m < n; m++) {
                sums[m] += tap * scratch[m];
            }
        }
    }

    /** Rounds a filter output to the nearest 16-bit sample, saturating (a full-scale square wave rings past it). */
    static short toPcm(float value) {
        return (short) Math.clamp(Math.round(value), Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** Windowed sinc of {@code n} taps, cutoff {@code fc} cycles per sample, normalised to DC gain 1. */
    private static double[] windowedSinc(int n, double fc, double beta) {
        double[] h = new double[n];
        double centre = (n - 1) / 2.0;
        double i0Beta = besselI0(beta);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - centre;
            double sinc = x == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
            double r = 2.0 * i / (n - 1) - 1;
            h[i] = sinc * besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 100; k++) {
            double half = x / (2 * k);
            term *= half * half;
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
