package org.switchboard.media.dsp;

import java.util.Arrays;

/**
 * Decimation by an integer factor M, in polyphase form: input sample g goes to stream
 * {@code g mod M}; output k (taken when input {@code kM + M - 1} arrives) is the sum over the M
 * streams of a {@value ResamplingFilter#TAPS_PER_PHASE}-tap filter on each, all at the output rate,
 * so only the kept samples are ever computed.
 *
 * <p>Computed a block at a time, tap by tap ({@link ResamplingFilter#accumulate}), so the JIT can use
 * SIMD; each output's sum runs over streams and taps in a fixed order, whatever the framing.
 */
final class Downsampler implements Resampler {

    private static final int K = ResamplingFilter.TAPS_PER_PHASE;
    private static final int BLOCK = ResamplingFilter.BLOCK;

    private final int fromRate;
    private final ResamplingFilter filter;
    private final int factor;
    private final float[] taps;
    /** Per stream: the last K - 1 samples, then those of this block (at most BLOCK + 1). */
    private final float[][] streams;
    /** Per stream: samples after the history not yet consumed by an output. */
    private final int[] pending;
    private final float[] sums = new float[BLOCK];
    private final float[] scratch = new float[BLOCK];
    /** The stream that the next input goes to: the phase carried across calls. */
    private int phase;

    Downsampler(int fromRate, ResamplingFilter filter) {
        this.fromRate = fromRate;
        this.filter = filter;
        this.factor = filter.factor();
        this.taps = filter.decimationBranches();
        this.streams = new float[factor][K - 1 + BLOCK + 1];
        this.pending = new int[factor];
    }

    @Override
    public int fromRate() {
        return fromRate;
    }

    @Override
    public int toRate() {
        return fromRate / factor;
    }

    @Override
    public int process(short[] in, int inOffset, int inLength, short[] out, int outOffset) {
        int o = outOffset;
        for (int done = 0; done < inLength; ) {
            // At most BLOCK outputs per pass: each stream then holds at most BLOCK + 1 new samples.
            int n = Math.min(BLOCK * factor - phase, inLength - done);
            for (int t = 0; t < n; t++) {
                streams[phase][K - 1 + pending[phase]++] = in[inOffset + done + t];
                phase = phase + 1 == factor ? 0 : phase + 1;
            }
            done += n;
            int ready = pending[factor - 1];
            if (ready == 0) {
                continue;
            }
            Arrays.fill(sums, 0, ready, 0f);
            for (int q = 0; q < factor; q++) {
                ResamplingFilter.accumulate(taps, q * K, K, streams[q], 0, sums, scratch, ready);
            }
            for (int k = 0; k < ready; k++) {
                out[o++] = ResamplingFilter.toPcm(sums[k]);
            }
            for (int q = 0; q < factor; q++) {
                System.arraycopy(streams[q], ready, streams[q], 0, K - 1 + pending[q] - ready);
                pending[q] -= ready;
            }
        }
        return o - outOffset;
    }

    @Override
    public int maxOutput(int inputLength) {
        return (inputLength + factor - 1) / factor;
    }

    @Override
    public double delayMillis() {
        return filter.groupDelay() * 1000.0 / fromRate;
    }

    @Override
    public void reset() {
        for (float[] stream : streams) {
            Arrays.fill(stream, 0f);
        }
        Arrays.fill(pending, 0);
        phase = 0;
    }

    @Override
    public String toString() {
        return "Downsampler[" + fromRate + " -> " + toRate() + " Hz]";
    }
}
