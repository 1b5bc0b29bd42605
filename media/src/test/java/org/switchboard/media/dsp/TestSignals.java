package org.switchboard.media.dsp;

import java.util.Random;

/** Signals that tests feed to the DSP code, and measurements of what comes out. */
final class TestSignals {

    private TestSignals() { }

    /** {@code n} samples of a sine of {@code frequency} Hz whose peak is {@code dbfs} below full scale. */
    static short[] sine(double frequency, int rate, int n, double dbfs) {
        double amplitude = 32767 * Math.pow(10, dbfs / 20);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return out;
    }

    /** White noise, uniformly distributed, of peak {@code peak}, reproducible from {@code seed}. */
    static short[] noise(int n, int peak, long seed) {
        Random random = new Random(seed);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) (random.nextInt(2 * peak + 1) - peak);
        }
        return out;
    }

    /** RMS of {@code pcm[from, from + n)} in dB relative to a full-scale sine (a sine of peak 32767 is 0 dB). */
    static double rmsDb(short[] pcm, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        double rms = Math.sqrt(sum / n);
        return 20 * Math.log10(rms * Math.sqrt(2) / 32767);
    }

    /** The power of {@code frequency} in {@code pcm[from, from + n)}, in dB relative to a full-scale sine. */
    static double toneDb(short[] pcm, int from, int n, double frequency, int rate) {
        return new Goertzel(frequency, rate).powerDb(pcm, from, n);
    }

    /**
     * Speech-like audio over a noise bed: {@code pattern} alternates talk and pause lengths in ms,
     * starting with talk. Each talkspurt is a "word": harmonics of a 120 Hz voice (amplitude 1/k)
     * under a raised-cosine envelope whose RMS over the word is about {@code talkDbfs}; the noise bed
     * (white, RMS {@code noiseDbfs}) runs throughout.
     */
    static short[] talkspurts(int rate, double talkDbfs, double noiseDbfs, long seed, int... pattern) {
        int total = 0;
        for (int ms : pattern) {
            total += ms * rate / 1000;
        }
        Random random = new Random(seed);
        double noiseRms = 32767 / Math.sqrt(2) * Math.pow(10, noiseDbfs / 20);
        double voicePeak = 32767 * Math.pow(10, talkDbfs / 20);
        double harmonicsRms = 0;
        for (int k = 1; 120 * k < rate / 2; k++) {
            harmonicsRms += 0.5 / (k * k);
        }
        // Hann envelope: mean square 3/8; scale so the word's RMS matches a sine at talkDbfs.
        double scale = voicePeak / Math.sqrt(2) / Math.sqrt(harmonicsRms * 3 / 8);
        double[] out = new double[total];
        int at = 0;
        for (int p = 0; p < pattern.length; p++) {
            int n = pattern[p] * rate / 1000;
            if (p % 2 == 0) {
                for (int i = 0; i < n; i++) {
                    double envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                    double voice = 0;
                    for (int k = 1; 120 * k < rate / 2; k++) {
                        voice += Math.sin(2 * Math.PI * 120 * k * i / rate) / k;
                    }
                    out[at + i] = scale * envelope * voice;
                }
            }
            at += n;
        }
        short[] pcm = new short[total];
        for (int i = 0; i < total; i++) {
            double v = out[i] + noiseRms * random.nextGaussian();
            pcm[i] = (short) Math.clamp(Math.round(v), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return pcm;
    }
}
