package org.switchboard.media.dtmf;

import java.util.Random;

/** Test signals at 8 kHz: tone pairs, noise, a voice-like glide, and a G.711 u-law round trip. */
final class SyntheticAudio {

    static final int RATE = 8000;

    private SyntheticAudio() {
    }

    static int samples(int millis) { return millis * RATE / 1000; }

    /** Sum of sines; each level in dBFS (0 = full-scale sine), clipped to 16 bits. */
    static short[] tones(int millis, double[] frequencies, double[] levelsDbfs) {
        short[] out = new short[samples(millis)];
        for (int i = 0; i < out.length; i++) {
            double v = 0;
            for (int k = 0; k < frequencies.length; k++) {
                v += amplitude(levelsDbfs[k]) * Math.sin(2 * Math.PI * frequencies[k] * i / RATE + k);
            }
            out[i] = clip(v);
        }
        return out;
    }

    /**
     * A key's tone pair at a composite level of {@code levelDbfs} (each tone 3 dB lower), its
     * frequencies scaled by {@code frequencyFactor}, the row tone {@code twistDb} above the column one.
     */
    static short[] dtmf(DtmfDigit digit, int millis, double levelDbfs, double frequencyFactor, double twistDb) {
        double each = levelDbfs - 3;
        return tones(millis, new double[] {digit.rowHz() * frequencyFactor, digit.columnHz() * frequencyFactor},
                new double[] {each + twistDb / 2, each - twistDb / 2});
    }

    static short[] dtmf(DtmfDigit digit, int millis, double levelDbfs) {
        return dtmf(digit, millis, levelDbfs, 1, 0);
    }

    static short[] silence(int millis) { return new short[samples(millis)]; }

    /** Adds white Gaussian noise {@code snrDb} below the signal's power. */
    static short[] withNoise(short[] signal, double snrDb, long seed) {
        double power = 0;
        for (short s : signal) {
            power += (double) s * s;
        }
        power /= signal.length;
        double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
        Random random = new Random(seed);
        short[] out = new short[signal.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clip(signal[i] + sigma * random.nextGaussian());
        }
        return out;
    }

    /** White Gaussian noise whose power is that of a sine at {@code levelDbfs}. */
    static short[] whiteNoise(int millis, double levelDbfs, long seed) {
        Random random = new Random(seed);
        double sigma = amplitude(levelDbfs) / Math.sqrt(2);
        short[] out = new short[samples(millis)];
        for (int i = 0; i < out.length; i++) {
            out[i] = clip(sigma * random.nextGaussian());
        }
        return out;
    }

    /**
     * A voice-like sound: the harmonics (up to 3.6 kHz) of a fundamental gliding from
     * {@code fromHz} to {@code toHz}, shaped by two formants, at {@code levelDbfs} overall.
     */
    static short[] voiceGlide(int millis, double fromHz, double toHz, double formant1, double formant2, double levelDbfs) {
        int n = samples(millis);
        double[] v = new double[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f0 = fromHz + (toHz - fromHz) * i / n;
            phase += 2 * Math.PI * f0 / RATE;
            double sum = 0;
            for (int h = 1; h * f0 < 3600; h++) {
                double f = h * f0;
                double gain = 1.0 / h + 2 * resonance(f, formant1) + resonance(f, formant2);
                sum += gain * Math.sin(h * phase);
            }
            v[i] = sum;
        }
        return scaled(v, levelDbfs);
    }

    /** Encodes to G.711 u-law and back, as a phone's audio reaches the server. */
    static short[] muLawRoundTrip(short[] pcm) {
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = muLawDecode(muLawEncode(pcm[i]));
        }
        return out;
    }

    static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** ITU-T G.711 u-law, the classic biased-segment encoder. */
    static byte muLawEncode(short sample) {
        int pcm = sample;
        int sign = pcm < 0 ? 0x80 : 0;
        if (pcm < 0) {
            pcm = -pcm;
        }
        pcm = Math.min(pcm, 32635) + 0x84;
        int exponent = 31 - Integer.numberOfLeadingZeros(pcm) - 7;
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | exponent << 4 | mantissa);
    }

    static short muLawDecode(byte code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + 0x84 << exponent) - 0x84;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static double resonance(double f, double centre) {
        double d = (f - centre) / 150;
        return 1 / (1 + d * d);
    }

    private static short[] scaled(double[] v, double levelDbfs) {
        double power = 0;
        for (double x : v) {
            power += x * x;
        }
        double rms = Math.sqrt(power / v.length);
        double target = amplitude(levelDbfs) / Math.sqrt(2);
        short[] out = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = clip(v[i] * target / rms);
        }
        return out;
    }

    private static double amplitude(double dbfs) { return 32767 * Math.pow(10, dbfs / 20); }

    private static short clip(double v) { return (short) Math.max(-32768, Math.min(32767, Math.round(v))); }
}
