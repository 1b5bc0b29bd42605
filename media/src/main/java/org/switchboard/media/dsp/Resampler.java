package org.switchboard.media.dsp;

/**
 * Converts 16-bit mono PCM between 8, 16 and 48 kHz (factors 2, 3 and 6, both ways) with a
 * polyphase FIR ({@link ResamplingFilter}: Kaiser-windowed sinc, flat within 0.22 dB up to 0.45 x
 * the lower rate, at least 79 dB down from the lower rate's Nyquist frequency), so that a 6 kHz
 * tone never reaches 8 kHz output as an alias and a 1 kHz tone sent up to 48 kHz has no images.
 *
 * <p>Streaming: each instance carries its filter history across calls, so feeding a signal in
 * 20 ms frames, in odd-sized pieces or all at once gives exactly the same samples. One instance
 * per stream, one thread at a time; {@link #process} allocates nothing.
 *
 * <p>Output count: upsampling by L gives exactly {@code L x n} samples for {@code n} in; downsampling
 * by M gives one sample per M inputs, so {@code n / M} for any whole number of M-sample groups (20 ms
 * frames always are) and a phase carried over otherwise. The filter delays the signal by
 * {@link #delayMillis()} (linear phase: the same delay at every frequency).
 */
public sealed interface Resampler permits Upsampler, Downsampler, SameRateResampler {

    /**
     * A resampler from {@code fromRate} to {@code toRate} Hz, each one of 8000, 16000 or 48000 (the
     * same rate gives a plain copy, so pipelines need no special case).
     *
     * @throws IllegalArgumentException for any other rate
     */
    static Resampler create(int fromRate, int toRate) {
        checkRate(fromRate);
        checkRate(toRate);
        if (fromRate == toRate) {
            return new SameRateResampler(fromRate);
        }
        if (toRate > fromRate) {
            return new Upsampler(fromRate, ResamplingFilter.forFactor(toRate / fromRate));
        }
        return new Downsampler(fromRate, ResamplingFilter.forFactor(fromRate / toRate));
    }

    private static void checkRate(int rate) {
        if (rate != 8000 && rate != 16000 && rate != 48000) {
            throw new IllegalArgumentException(
                    "cannot resample at " + rate + " Hz: rates 8000, 16000 and 48000 Hz are supported");
        }
    }

    /** The input rate in Hz. */
    int fromRate();

    /** The output rate in Hz. */
    int toRate();

    /**
     * Resamples {@code inLength} samples of {@code in} from {@code inOffset} into {@code out} from
     * {@code outOffset} and returns how many output samples it wrote. {@code out} must have room
     * for {@link #maxOutput(int) maxOutput(inLength)} samples.
     */
    int process(short[] in, int inOffset, int inLength, short[] out, int outOffset);

    /** The most output samples {@link #process} can write for {@code inputLength} input samples. */
    int maxOutput(int inputLength);

    /** The filter's group delay in milliseconds (0 for the same rate). */
    double delayMillis();

    /** Forgets the history, as if new: the next output starts from silence. */
    void reset();
}
