package org.switchboard.media.dsp;

import java.util.List;

/**
 * Plays a {@link ToneList} (dial tone, ringback, busy, a beep) as 16-bit PCM, frame after frame.
 *
 * <p>Oscillators are 32-bit phase accumulators reading a 1024-point sine table with linear
 * interpolation: frequency exact to 0.00001 Hz at 48 kHz, interpolation error below -100 dB (under
 * the 16-bit rounding), no amplitude drift however long the tone plays (a recursive oscillator drifts). Each element starts at
 * phase 0, so cadences begin on a zero crossing. Durations are counted in samples
 * ({@code ms x rate / 1000}, rounded), so a 500 ms element is exactly 4000 samples at 8 kHz.
 *
 * <p>Level: each frequency's sine has the given peak in dBFS (0 dBFS: peak 32767); a dual tone
 * adds two such sines, a modulated one ({@code f1*f2}) peaks at the level.
 * {@value #DEFAULT_LEVEL_DBFS} dBFS is about -13 dBm0 per frequency (a full-scale sine is +3.14 dBm0 in
 * G.711), the level of the usual network tones.
 *
 * <p>One instance per playing leg, one thread at a time; {@link #fill} allocates nothing.
 */
public final class ToneGenerator {

    /** The level of each frequency unless told otherwise, in dBFS. */
    public static final double DEFAULT_LEVEL_DBFS = -16;

    private static final int TABLE_BITS = 10;
    private static final int FRACTION_BITS = 32 - TABLE_BITS;
    private static final float FRACTION_SCALE = 1f / (1 << FRACTION_BITS);
    private static final float[] SINE = sineTable();
    private static final float DEPTH = 0.9f;

    private final ToneList tones;
    private final int sampleRate;
    private final double levelDbfs;
    private final int count;
    private final int[] increment1;
    private final int[] increment2;
    /** Samples of each element; -1 for ever. */
    private final long[] length;
    private final float amplitude;

    private int segment;
    private long remaining;
    private int phase1;
    private int phase2;
    private boolean finished;

    /** A generator of {@code tones} at {@code sampleRate} Hz, each frequency at {@link #DEFAULT_LEVEL_DBFS}. */
    public ToneGenerator(ToneList tones, int sampleRate) {
        this(tones, sampleRate, DEFAULT_LEVEL_DBFS);
    }

    /**
     * A generator of {@code tones} at {@code sampleRate} Hz, each frequency's peak at {@code levelDbfs}.
     *
     * @throws IllegalArgumentException when a frequency is not below half the sample rate, or the level is above 0
     */
    public ToneGenerator(ToneList tones, int sampleRate, double levelDbfs) {
        if (sampleRate < 1000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is too low for tones");
        }
        if (!(levelDbfs <= 0)) {
            throw new IllegalArgumentException("tone level " + levelDbfs + " dBFS: must be 0 or below");
        }
        this.tones = tones;
        this.sampleRate = sampleRate;
        this.levelDbfs = levelDbfs;
        List<ToneSegment> segments = tones.segments();
        count = segments.size();
        increment1 = new int[count];
        increment2 = new int[count];
        length = new long[count];
        for (int i = 0; i < count; i++) {
            ToneSegment s = segments.get(i);
            if (2 * Math.max(s.frequency1(), s.frequency2()) >= sampleRate) {
                throw new IllegalArgumentException("tone element " + s.text() + " has a frequency that "
                        + sampleRate + " Hz audio cannot carry (must be below " + sampleRate / 2 + " Hz)");
            }
            increment1[i] = increment(s.frequency1(), sampleRate);
            increment2[i] = increment(s.frequency2(), sampleRate);
            length[i] = s.durationMillis() == 0 ? -1 : Math.max(1, Math.round(s.durationMillis() * (double) sampleRate / 1000));
        }
        amplitude = (float) (Short.MAX_VALUE * Math.pow(10, levelDbfs / 20));
        restart();
    }

    private static int increment(int frequency, int sampleRate) {
        return (int) Math.round(frequency * 4294967296.0 / sampleRate);
    }

    private static float[] sineTable() {
        float[] table = new float[(1 << TABLE_BITS) + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) Math.sin(2 * Math.PI * i / (1 << TABLE_BITS));
        }
        return table;
    }

    public ToneList tones() {
        return tones;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double levelDbfs() {
        return levelDbfs;
    }

    /** Starts the list again from its first element. */
    public void restart() {
        segment = 0;
        remaining = length[0];
        phase1 = 0;
        phase2 = 0;
        finished = false;
    }

    /** Whether a finite list has played to its end (then {@link #fill} gives silence). */
    public boolean finished() {
        return finished;
    }

    /**
     * Writes the next {@code len} samples into {@code out} from {@code off} and returns how many of
     * them are the tone list's: {@code len}, or fewer when a finite list ended, the rest then silence.
     */
    public int fill(short[] out, int off, int len) {
        int done = 0;
        while (done < len && !finished) {
            int n = remaining < 0 ? len - done : (int) Math.min(remaining, len - done);
            render(out, off + done, n);
            done += n;
            if (remaining > 0) {
                remaining -= n;
                if (remaining == 0) {
                    advance();
                }
            }
        }
        for (int i = off + done; i < off + len; i++) {
            out[i] = 0;
        }
        return done;
    }

    private void advance() {
        segment++;
        if (segment == count) {
            if (tones.repeatFrom() < 0) {
                finished = true;
                return;
            }
            segment = tones.repeatFrom();
        }
        remaining = length[segment];
        phase1 = 0;
        phase2 = 0;
    }

    private void render(short[] out, int off, int n) {
        int inc1 = increment1[segment];
        int inc2 = increment2[segment];
        float a = amplitude;
        if (inc1 == 0 && inc2 == 0) {
            for (int i = off; i < off + n; i++) {
                out[i] = 0;
            }
        } else if (tones.segments().get(segment).modulated()) {
            float scale = a / (1 + DEPTH);
            for (int i = off; i < off + n; i++) {
                float v = sine(phase1) * (1 + DEPTH * sine(phase2)) * scale;
                out[i] = (short) Math.round(v);
                phase1 += inc1;
                phase2 += inc2;
            }
        } else {
            for (int i = off; i < off + n; i++) {
                float v = a * (sine(phase1) + sine(phase2)); // sine(0) is 0: a single tone adds nothing
                out[i] = (short) Math.clamp(Math.round(v), Short.MIN_VALUE, Short.MAX_VALUE);
                phase1 += inc1;
                phase2 += inc2;
            }
        }
    }

    /** sin(2 pi phase / 2^32) by table and linear interpolation. */
    private static float sine(int phase) {
        int index = phase >>> FRACTION_BITS;
        float fraction = (phase & ((1 << FRACTION_BITS) - 1)) * FRACTION_SCALE;
        float low = SINE[index];
        return low + (SINE[index + 1] - low) * fraction;
    }
}
