package org.switchboard.media.dsp;

import java.util.Arrays;

/**
 * The conference mix: for each participant, the sum of everyone else's frame (an N-1 mix, so
 * nobody hears an echo of themself), saturated to 16 bits or passed through a soft limiter.
 *
 * <p>Cost is O(N) per sample whatever the size of the room: the sum of all frames is taken once and
 * each participant's own frame is subtracted from it. A participant with no frame this tick (muted,
 * listen-only, packet lost and not concealed) passes {@code null}: it adds nothing and hears everyone.
 * Barge-in is a three-party mix of caller, agent and supervisor; whisper is the same mix for agent
 * and supervisor while the caller gets the agent's frame alone (no mixer needed for that leg).
 *
 * <p>One instance per conference, used by the conference's media tick only; {@link #mix} allocates
 * nothing. All frames of a tick share one sample rate (resample before mixing).
 */
public final class Mixer {

    /** How sums beyond 16 bits are brought back. */
    public enum Limiting {
        /** Saturate at -32768 and 32767: exact below full scale, harsh when several talk loudly. */
        HARD,
        /**
         * Leave samples up to {@value Mixer#KNEE} (-2.5 dBFS) untouched and bend louder ones smoothly
         * towards full scale ({@code knee + r d / (d + r)}, continuous in value and slope), trading a
         * little distortion of loud peaks for no flat-topped clipping; memoryless, so no delay.
         */
        SOFT
    }

    /** Where the soft limiter starts to bend: 0.75 of full scale. */
    static final int KNEE = 24576;
    private static final int ROOM = Short.MAX_VALUE - KNEE;

    private final int frameSamples;
    private final Limiting limiting;
    private final int[] total;
    /** The largest magnitude in {@link #total} this tick (soft limiting only). */
    private int totalPeak;

    /** A mixer for frames of {@code frameSamples} samples (160 for 20 ms at 8 kHz). */
    public Mixer(int frameSamples, Limiting limiting) {
        if (frameSamples <= 0) {
            throw new IllegalArgumentException("frame of " + frameSamples + " samples: must be positive");
        }
        this.frameSamples = frameSamples;
        this.limiting = limiting;
        this.total = new int[frameSamples];
    }

    public int frameSamples() {
        return frameSamples;
    }

    public Limiting limiting() {
        return limiting;
    }

    /**
     * Mixes one tick of {@code count} participants: {@code outputs[i]} receives the sum of every
     * {@code frames[j]} with {@code j != i}. A {@code null} frame is a participant who says nothing
     * this tick; a {@code null} output is one who needs no mix (it is skipped). Arrays are read and
     * written from index 0 for {@link #frameSamples()} samples.
     *
     * @throws IllegalArgumentException when an array is shorter than that or {@code count} exceeds them
     */
    public void mix(short[][] frames, short[][] outputs, int count) {
        sumAll(frames, count);
        for (int i = 0; i < count; i++) {
            short[] out = outputs[i];
            if (out == null) {
                continue;
            }
            checkLength(out, "output", i);
            limit(out, frames[i]);
        }
    }

    /**
     * The sum of all {@code count} frames (everyone, as a recorder of the conference hears it),
     * limited the same way.
     */
    public void mixAll(short[][] frames, int count, short[] out) {
        sumAll(frames, count);
        checkLength(out, "output", -1);
        limit(out, null);
    }

    private void sumAll(short[][] frames, int count) {
        if (count < 0 || count > frames.length) {
            throw new IllegalArgumentException(count + " participants but " + frames.length + " frames");
        }
        Arrays.fill(total, 0);
        int n = frameSamples;
        for (int j = 0; j < count; j++) {
            short[] frame = frames[j];
            if (frame != null) {
                checkLength(frame, "frame", j);
                for (int s = 0; s < n; s++) {
                    total[s] += frame[s];
                }
            }
        }
        totalPeak = limiting == Limiting.SOFT ? peak(total) : 0;
    }

    private void limit(short[] out, short[] own) {
        int n = frameSamples;
        if (limiting == Limiting.SOFT && totalPeak + (own == null ? 0 : peak(own)) > KNEE) {
            for (int s = 0; s < n; s++) {
                int v = own == null ? total[s] : total[s] - own[s];
                out[s] = v > KNEE || v < -KNEE ? soften(v) : (short) v;
            }
        } else if (own == null) {
            // Below the knee nothing needs bending, so the soft limiter takes this loop too (the
            // common case: people rarely shout together), which the JIT vectorises.
            for (int s = 0; s < n; s++) {
                out[s] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, total[s]));
            }
        } else {
            for (int s = 0; s < n; s++) {
                out[s] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, total[s] - own[s]));
            }
        }
    }

    /** The largest magnitude in the frame's samples. */
    private int peak(int[] samples) {
        int max = 0;
        for (int s = 0; s < frameSamples; s++) {
            max = Math.max(max, Math.abs(samples[s]));
        }
        return max;
    }

    private int peak(short[] samples) {
        int max = 0;
        for (int s = 0; s < frameSamples; s++) {
            max = Math.max(max, Math.abs(samples[s]));
        }
        return max;
    }

    /** The soft limiter's curve above the knee: tends to full scale, never reaches it. */
    static short soften(int v) {
        long d = Math.abs((long) v) - KNEE;
        int bent = KNEE + (int) (ROOM * d / (d + ROOM));
        return (short) (v < 0 ? -bent : bent);
    }

    private void checkLength(short[] array, String what, int participant) {
        if (array.length < frameSamples) {
            throw new IllegalArgumentException(what + (participant >= 0 ? " of participant " + participant : "")
                    + " has " + array.length + " samples, the mixer takes " + frameSamples);
        }
    }
}
