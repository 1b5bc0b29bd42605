package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    private static final int RATE = 8000;
    private static final int FRAME = 160;

    /** Feeds {@code pcm} in 20 ms frames; returns the index of the first frame that reported silence, or -1. */
    private static int firstSilentFrame(SilenceDetector detector, short[] pcm) {
        for (int f = 0; f * FRAME + FRAME <= pcm.length; f++) {
            if (detector.offer(pcm, f * FRAME, FRAME)) {
                return f;
            }
        }
        return -1;
    }

    @Test
    void aMessageEndsFiveSecondsAfterTheCallerStopsTalking() {
        // 3 s of words with short pauses, then 8 s of a quiet line (-60 dBFS hiss).
        short[] pcm = TestSignals.talkspurts(RATE, -20, -60, 1,
                400, 200, 600, 150, 300, 250, 500, 100, 500, 8000);
        SilenceDetector detector = new SilenceDetector(-45, 5000, RATE);
        int frame = firstSilentFrame(detector, pcm);
        int talkEndMillis = 400 + 200 + 600 + 150 + 300 + 250 + 500 + 100 + 500;
        // The end of the last word fades under the threshold a little before it ends.
        assertThat(frame * 20 + 20).isBetween(talkEndMillis + 4900, talkEndMillis + 5000);
        assertThat(detector.silenceMillis()).isEqualTo(5000);
    }

    @Test
    void aQuietLineIsSilentAfterExactlyTheHangover() {
        short[] hiss = TestSignals.talkspurts(RATE, -20, -60, 2, 0, 10_000);
        SilenceDetector detector = new SilenceDetector(-45, 5000, RATE);
        assertThat(firstSilentFrame(detector, hiss)).as("frame 250 ends at 5.000 s").isEqualTo(249);
        assertThat(detector.lastFrameLoud()).isFalse();
    }

    @Test
    void pausesBetweenWordsAndLoudNoiseAreNotSilence() {
        short[] talk = TestSignals.talkspurts(RATE, -20, -60, 3, 400, 1500, 400, 1500, 400, 1500, 400, 1500);
        SilenceDetector detector = new SilenceDetector(-45, 2000, RATE);
        assertThat(firstSilentFrame(detector, talk)).isEqualTo(-1);
        short[] loudNoise = TestSignals.talkspurts(RATE, -20, -30, 4, 0, 10_000);
        assertThat(firstSilentFrame(new SilenceDetector(-45, 2000, RATE), loudNoise)).isEqualTo(-1);
    }

    @Test
    void aLoudFrameRestartsTheCount() {
        SilenceDetector detector = new SilenceDetector(-45, 100, RATE);
        short[] quiet = new short[FRAME];
        short[] loud = TestSignals.sine(1000, RATE, FRAME, -10);
        for (int i = 0; i < 4; i++) {
            assertThat(detector.offer(quiet, 0, FRAME)).isFalse();
        }
        assertThat(detector.offer(quiet, 0, FRAME)).isTrue();
        assertThat(detector.offer(loud, 0, FRAME)).isFalse();
        assertThat(detector.lastFrameLoud()).isTrue();
        assertThat(detector.silenceMillis()).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(detector.offer(quiet, 0, FRAME)).isFalse();
        }
        assertThat(detector.offer(quiet, 0, FRAME)).isTrue();
        detector.reset();
        assertThat(detector.silent()).isFalse();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new SilenceDetector(3, 1000, RATE)).hasMessageContaining("silence threshold 3.0 dBFS");
        assertThatThrownBy(() -> new SilenceDetector(-45, -1, RATE)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new SilenceDetector(-45, 1000, 0)).hasMessageContaining("must be positive");
    }
}
