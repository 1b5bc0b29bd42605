package org.switchboard.media.dsp;

/**
 * The power of one frequency in a block of PCM samples (the Goertzel algorithm: a single bin
 * of a DFT for the cost of one multiply-add per sample). DTMF detection runs eight of these;
 * tests use it to measure what a tone became after a codec or a resampler.
 *
 * <p>Power is normalised so that a full-scale sine (amplitude 32767) of exactly the bin's
 * frequency gives about 1.0 whatever the block length: compare results across block lengths.
 */
public final class Goertzel {

    private final double coefficient;

    /** A filter for {@code frequency} Hz in audio sampled at {@code sampleRate} Hz. */
    public Goertzel(double frequency, int sampleRate) {
        if (sampleRate <= 0 || frequency < 0 || frequency > sampleRate / 2.0) {
            throw new IllegalArgumentException("frequency " + frequency + " Hz is not in 0.." + sampleRate / 2 + " Hz");
        }
        this.coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
    }

    /** The normalised power of the frequency in {@code pcm[offset, offset + length)}. */
    public double power(short[] pcm, int offset, int length) {
        double s1 = 0;
        double s2 = 0;
        for (int i = offset; i < offset + length; i++) {
            double s0 = pcm[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        double fullScale = 32767.0 * length / 2;
        return p / (fullScale * fullScale);
    }

    /** The same power in decibels relative to a full-scale sine (0 dB; -inf for silence). */
    public double powerDb(short[] pcm, int offset, int length) {
        return 10 * Math.log10(power(pcm, offset, length));
    }
}
