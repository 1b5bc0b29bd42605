package org.switchboard.media.dsp;

import java.util.Arrays;

/**
 * Interpolation by an integer factor L: each input sample yields L outputs, output p of them the
 * dot product of polyphase branch p with the last {@value ResamplingFilter#TAPS_PER_PHASE} inputs
 * (the zeros that a textbook zero-stuffing would insert are never multiplied).
 *
 * <p>Computed a block of inputs at a time, tap by tap over the block ({@link ResamplingFilter#accumulate}),
 * a loop the JIT turns into SIMD instructions; each output's sum still runs over the taps in the
 * same order, so the result does not depend on how the input is cut into calls.
 */
final class Upsampler implements Resampler {

    private static final int K = ResamplingFilter.TAPS_PER_PHASE;
    private static final int BLOCK = ResamplingFilter.BLOCK;

    private final int fromRate;
    private final ResamplingFilter filter;
    private final int factor;
    private final float[] taps;
    /** The last K - 1 inputs, then the block being processed. */
    private final float[] window = new float[K - 1 + BLOCK];
    private final float[] sums = new float[BLOCK];
    private final float[] scratch = new float[BLOCK];

    Upsampler(int fromRate, ResamplingFilter filter) {
        this.fromRate = fromRate;
        this.filter = filter;
        this.factor = filter.factor();
        this.taps = filter.interpolationTaps();
    }

    @Override
    public int fromRate() {
        return fromRate;
    }

    @Override
    public int toRate() {
        return fromRate * factor;
    }

    @Override
    public int process(short[] in, int inOffset, int inLength, short[] out, int outOffset) {
        int o = outOffset;
        for (int done = 0; done < inLength; ) {
            int n = Math.min(BLOCK, inLength - done);
            for (int t = 0; t < n; t++) {
                window[K - 1 + t] = in[inOffset + done + t];
            }
            for (int p = 0; p < factor; p++) {
                Arrays.fill(sums, 0, n, 0f);
                ResamplingFilter.accumulate(taps, p * K, K, window, 0, sums, scratch, n);
                for (int m = 0; m < n; m++) {
                    out[o + m * factor + p] = ResamplingFilter.toPcm(sums[m]);
                }
            }
            System.arraycopy(window, n, window, 0, K - 1);
            o += n * factor;
            done += n;
        }
        return o - outOffset;
    }

    @Override
    public int maxOutput(int inputLength) {
        return inputLength * factor;
    }

    @Override
    public double delayMillis() {
        return filter.groupDelay() * 1000.0 / toRate();
    }

    @Override
    public void reset() {
        Arrays.fill(window, 0f);
    }

    @Override
    public String toString() {
        return "Upsampler[" + fromRate + " -> " + toRate() + " Hz]";
    }
}
