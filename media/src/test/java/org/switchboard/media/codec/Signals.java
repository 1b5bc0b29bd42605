package org.switchboard.media.codec;

import java.util.SplittableRandom;

/** Test signals and the measures tests apply to what a codec made of them. */
final class Signals {

    private Signals() { }

    /** A sine of {@code frequency} Hz at {@code dbfs} relative to full scale (amplitude 32767 = 0 dBFS). */
    static short[] tone(double frequency, int sampleRate, double dbfs, int samples) {
        double amplitude = 32767 * Math.pow(10, dbfs / 20);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return pcm;
    }

    /** Uniform white noise of peak {@code amplitude}, reproducible by {@code seed}. */
    static short[] noise(long seed, int amplitude, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) random.nextInt(-amplitude, amplitude + 1);
        }
        return pcm;
    }

    /** A logarithmic sweep from {@code from} to {@code to} Hz. */
    static short[] sweep(double from, double to, int sampleRate, double dbfs, int samples) {
        double amplitude = 32767 * Math.pow(10, dbfs / 20);
        double k = Math.log(to / from) / samples;
        double phase = 0;
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += 2 * Math.PI * from * Math.exp(k * i) / sampleRate;
        }
        return pcm;
    }

    /** Concatenates signals. */
    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] part : parts) {
            length += part.length;
        }
        short[] all = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * Signal to noise ratio in dB of {@code output} against {@code input} delayed by {@code delay}
     * samples, over {@code input[from, to)}.
     */
    static double snr(short[] input, short[] output, int delay, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            double error = output[i + delay] - input[i];
            signal += (double) input[i] * input[i];
            noise += error * error;
        }
        return 10 * Math.log10(signal / noise);
    }

    /** The delay in 0..maxDelay at which {@code output} correlates best with {@code input}. */
    static int delay(short[] input, short[] output, int maxDelay, int from, int to) {
        int best = 0;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int delay = 0; delay <= maxDelay; delay++) {
            double correlation = 0;
            for (int i = from; i < to; i++) {
                correlation += (double) input[i] * output[i + delay];
            }
            if (correlation > bestCorrelation) {
                bestCorrelation = correlation;
                best = delay;
            }
        }
        return best;
    }

    /** Root mean square level in dBFS (a full-scale sine is -3 dBFS by this measure). */
    static double rmsDbfs(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return 10 * Math.log10(sum / (to - from) / (32767.0 * 32767.0));
    }
}
