package org.switchboard.e2e.harness.audio;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures what a phone recorded: the dominant frequency and the RMS level over the recording's steady part.
 *
 * <p>The steady part is the span from the first to the last 20 ms frame above {@value #SILENCE_DBFS} dBFS, less
 * {@value #EDGE_MS} ms at each end (jitter buffer start-up, the first packets after latching, the hang-up). The
 * frequency comes from a Goertzel scan of up to one second in the middle of that part, Hann-windowed: a coarse pass
 * every few hertz, then a fine one to half a hertz around the best bin. Goertzel rather than an FFT because a test
 * asks about one tone at arbitrary frequencies, not a whole spectrum, and it needs no power-of-two window.
 */
public final class AudioAnalyser {
    /** Frames quieter than this are silence (G.711 idle noise is about -70 dBFS; comfort noise sits below -50). */
    public static final double SILENCE_DBFS = -50;
    private static final int EDGE_MS = 250;
    private static final int FRAME_MS = 20;
    private static final double LOWEST_HZ = 50;
    private static final double FINE_STEP_HZ = 0.5;

    private AudioAnalyser() {
    }

    /** Reads and measures a WAV file. */
    public static AudioMeasurement measure(Path wav) {
        return measure(WavFile.read(wav));
    }

    public static AudioMeasurement measure(Pcm16 pcm) {
        int frame = Math.max(1, pcm.sampleRate() * FRAME_MS / 1000);
        int frames = pcm.length() / frame;
        int first = -1;
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (dbfs(meanSquare(pcm, f * frame, (f + 1) * frame)) > SILENCE_DBFS) {
                first = first < 0 ? f : first;
                last = f;
            }
        }
        if (first < 0) {
            return new AudioMeasurement(0, dbfs(meanSquare(pcm, 0, pcm.length())), 0, Duration.ZERO, Duration.ZERO);
        }
        int from = first * frame;
        int to = (last + 1) * frame;
        int edge = pcm.sampleRate() * EDGE_MS / 1000;
        if (to - from > 2 * edge + frame * 10) {
            from += edge;
            to -= edge;
        }
        int window = Math.min(to - from, pcm.sampleRate());
        int windowStart = from + (to - from - window) / 2;
        double dominant = dominantFrequency(pcm, windowStart, window);
        return new AudioMeasurement(dominant, dbfs(meanSquare(pcm, from, to)),
                toneShare(pcm, windowStart, window, dominant), nanos(from, pcm), nanos(to - from, pcm));
    }

    /** The frequency with the most energy in {@code length} samples from {@code start}. */
    static double dominantFrequency(Pcm16 pcm, int start, int length) {
        double[] x = hann(pcm, start, length);
        double nyquist = pcm.sampleRate() / 2.0;
        double coarseStep = Math.max(2.0, pcm.sampleRate() / (double) length);
        double best = LOWEST_HZ;
        double bestPower = -1;
        for (double f = LOWEST_HZ; f < nyquist - LOWEST_HZ; f += coarseStep) {
            double p = goertzelPower(x, f, pcm.sampleRate());
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        double coarse = best;
        for (double f = coarse - coarseStep; f <= coarse + coarseStep; f += FINE_STEP_HZ) {
            double p = goertzelPower(x, f, pcm.sampleRate());
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    /** The Goertzel filter's output power at {@code frequency} (any frequency, not only a DFT bin). */
    static double goertzelPower(double[] x, double frequency, int sampleRate) {
        double coeff = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (double v : x) {
            double s = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    /** The share of the energy that the best-fitting sine at {@code frequency} explains (least squares). */
    public static double toneShare(Pcm16 pcm, int start, int length, double frequency) {
        double w = 2 * Math.PI * frequency / pcm.sampleRate();
        double c = 0;
        double s = 0;
        double energy = 0;
        for (int i = 0; i < length; i++) {
            double v = pcm.normalised(start + i);
            c += v * Math.cos(w * i);
            s += v * Math.sin(w * i);
            energy += v * v;
        }
        if (energy == 0) {
            return 0;
        }
        double toneEnergy = 2 * (c * c + s * s) / length;
        return Math.min(1, toneEnergy / energy);
    }

    private static double[] hann(Pcm16 pcm, int start, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            double w = length > 1 ? 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1)) : 1;
            x[i] = pcm.normalised(start + i) * w;
        }
        return x;
    }

    private static double meanSquare(Pcm16 pcm, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = pcm.normalised(i);
            sum += v * v;
        }
        return sum / (to - from);
    }

    private static double dbfs(double meanSquare) {
        return 10 * Math.log10(meanSquare);
    }

    private static Duration nanos(int samples, Pcm16 pcm) {
        return Duration.ofNanos(samples * 1_000_000_000L / pcm.sampleRate());
    }
}
