package org.switchboard.media.channel;

import java.util.Arrays;

/**
 * A streaming sample-rate converter for any ratio, for the WAV files whose rate is not a
 * telephony one (11.025, 22.05, 44.1, 32 kHz...): band-limited interpolation with a
 * Kaiser-windowed sinc (J. O. Smith, "Digital Audio Resampling", the method of libsamplerate
 * and SoX). The low-pass cut-off is {@value #CUTOFF} of the lower rate's Nyquist frequency, the
 * window spans {@value #ZERO_CROSSINGS} zero crossings each side (about 80 dB of stopband
 * with beta {@value #BETA}), and the filter is read from a table of {@value #STEPS} points per
 * input sample with linear interpolation.
 *
 * <p>The output position advances by exact rational steps ({@code from/to}, as an integer and a
 * remainder), so a long prompt never drifts. The first output sample is the first input
 * sample, delayed by the filter's half length. One instance per stream; allocates nothing per
 * call once its history holds the largest block seen. Prompts only: the telephony rates go
 * through {@link org.switchboard.media.dsp.Resampler}, which is cheaper.
 */
final class SincResampler implements RateConverter {

    static final int ZERO_CROSSINGS = 24;
    static final int STEPS = 128;
    static final double CUTOFF = 0.88;
    static final double BETA = 8.6;

    private final int from;
    private final int to;
    private final int half;
    private final float[] table;
    private short[] history;
    private int length;
    private int position;
    private int fraction;

    SincResampler(int from, int to) {
        if (from < 1000 || from > 384_000 || to < 1000 || to > 384_000) {
            throw new IllegalArgumentException("cannot convert " + from + " Hz to " + to + " Hz: rates must be 1000..384000");
        }
        this.from = from;
        this.to = to;
        double cutoff = 0.5 * CUTOFF * Math.min(1.0, (double) to / from);
        this.half = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        this.table = new float[half * STEPS + 2];
        double norm = besselI0(BETA);
        for (int i = 0; i < table.length; i++) {
            double d = (double) i / STEPS;
            if (d >= half) {
                continue;
            }
            double x = 2 * cutoff * d;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = d / half;
            table[i] = (float) (2 * cutoff * sinc * besselI0(BETA * Math.sqrt(1 - r * r)) / norm);
        }
        this.history = new short[2 * half + 4096];
        this.length = half;
        this.position = half;
    }

    @Override
    public int process(short[] in, int inOffset, int inLength, short[] out, int outOffset) {
        if (length + inLength > history.length) {
            history = Arrays.copyOf(history, length + inLength + 2 * half);
        }
        System.arraycopy(in, inOffset, history, length, inLength);
        length += inLength;
        int n = 0;
        while (position + half < length) {
            out[outOffset + n++] = sample();
            fraction += from;
            position += fraction / to;
            fraction %= to;
        }
        int keep = position - half + 1;
        if (keep > 0) {
            System.arraycopy(history, keep, history, 0, length - keep);
            length -= keep;
            position -= keep;
        }
        return n;
    }

    @Override
    public int maxOutput(int inputLength) {
        // after each call the next output lies at most `half` before the end of the history, so
        // new input alone bounds what can come out
        return (int) ((long) inputLength * to / from) + 2;
    }

    /** The output sample at {@code position + fraction / to}: the taps left of it, then right. */
    private short sample() {
        float steps = (float) fraction * STEPS / to;
        int left = (int) steps;
        float leftWeight = steps - left;
        float rightSteps = STEPS - steps;
        int right = (int) rightSteps;
        float rightWeight = rightSteps - right;
        float acc = 0;
        for (int k = 0; k < half; k++) {
            int i = k * STEPS + left;
            acc += history[position - k] * (table[i] + (table[i + 1] - table[i]) * leftWeight);
        }
        for (int k = 1; k <= half; k++) {
            int i = (k - 1) * STEPS + right;
            acc += history[position + k] * (table[i] + (table[i + 1] - table[i]) * rightWeight);
        }
        return (short) Math.clamp(Math.round(acc), Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
