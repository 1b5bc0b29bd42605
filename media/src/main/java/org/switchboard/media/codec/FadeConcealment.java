package org.switchboard.media.codec;

/**
 * Packet loss concealment for codecs without their own (G.711, G.722, L16): the last good frame is
 * played again, cyclically, under a gain that falls linearly to silence over {@value #FADE_MS} ms,
 * about the span after which ITU-T G.711 Appendix I mutes too. Simpler than Appendix I's
 * pitch-synchronous repetition (a click can mark the point where the replayed frame wraps), but it
 * never invents loud sound: a lost packet costs a fade, a long gap becomes silence. Any good frame
 * restores full gain.
 *
 * <p>Holds at most {@value #MEMORY_MS} ms of audio, allocated once; no allocation per frame.
 */
final class FadeConcealment {

    /** Time over which a concealed gap fades from full level to silence. */
    static final int FADE_MS = 60;
    /** The longest last frame that is remembered; a longer one keeps its last part. */
    static final int MEMORY_MS = 120;

    private static final int UNITY = 1 << 15;

    private final short[] last;
    private final int step;
    private int length;
    private int position;
    private int gain;

    FadeConcealment(int sampleRate) {
        this.last = new short[sampleRate * MEMORY_MS / 1000];
        int fadeSamples = sampleRate * FADE_MS / 1000;
        this.step = (UNITY + fadeSamples - 1) / fadeSamples;
    }

    /** Keeps the frame just decoded as the material of a later concealment (an empty one is ignored). */
    void remember(short[] pcm, int offset, int count) {
        if (count == 0) {
            return;
        }
        int kept = Math.min(count, last.length);
        System.arraycopy(pcm, offset + count - kept, last, 0, kept);
        length = kept;
        position = 0;
        gain = UNITY;
    }

    /** Writes {@code samples} concealment samples and returns their number. */
    int conceal(short[] pcm, int offset, int samples, String codec) {
        FrameBounds.requirePcm(pcm, offset, samples, codec);
        for (int i = 0; i < samples; i++) {
            if (gain <= 0 || length == 0) {
                pcm[offset + i] = 0;
                continue;
            }
            pcm[offset + i] = (short) ((last[position] * gain + (1 << 14)) >> 15);
            position = position + 1 == length ? 0 : position + 1;
            gain -= step;
        }
        return samples;
    }
}
