package org.switchboard.media.channel;

import org.switchboard.media.dsp.Resampler;

/**
 * A streaming sample-rate converter between any two rates: {@link Resampler} (polyphase,
 * integer factors) between 8, 16 and 48 kHz, the telephony rates; {@link SincResampler} for
 * the others a WAV file may have (11.025, 22.05, 44.1, 32 kHz...). One per stream; allocates
 * nothing per call.
 */
interface RateConverter {

    /** A converter from {@code fromRate} to {@code toRate} Hz (1000..384000 each). */
    static RateConverter create(int fromRate, int toRate) {
        if (standard(fromRate) && standard(toRate)) {
            Resampler resampler = Resampler.create(fromRate, toRate);
            return new RateConverter() {
                @Override
                public int process(short[] in, int inOffset, int inLength, short[] out, int outOffset) {
                    return resampler.process(in, inOffset, inLength, out, outOffset);
                }

                @Override
                public int maxOutput(int inputLength) {
                    return resampler.maxOutput(inputLength);
                }
            };
        }
        return new SincResampler(fromRate, toRate);
    }

    /** The rates {@link Resampler} converts between. */
    static boolean standard(int rate) {
        return rate == 8000 || rate == 16000 || rate == 48000;
    }

    /** Converts {@code inLength} samples and returns how many it wrote; {@code out} has room for {@link #maxOutput}. */
    int process(short[] in, int inOffset, int inLength, short[] out, int outOffset);

    /** The most samples {@link #process} writes for {@code inputLength} samples in. */
    int maxOutput(int inputLength);
}
