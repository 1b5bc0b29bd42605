package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

    private static final int RATE = 8000;
    private static final int FRAME = 160;

    /** The voice flag of each 20 ms frame. */
    private static boolean[] flags(VoiceActivityDetector detector, short[] pcm) {
        boolean[] flags = new boolean[pcm.length / FRAME];
        for (int f = 0; f < flags.length; f++) {
            flags[f] = detector.offer(pcm, f * FRAME, FRAME);
        }
        return flags;
    }

    private static double share(boolean[] flags, int fromMillis, int toMillis) {
        int voiced = 0;
        for (int f = fromMillis / 20; f < toMillis / 20; f++) {
            voiced += flags[f] ? 1 : 0;
        }
        return voiced / (double) ((toMillis - fromMillis) / 20);
    }

    @Test
    void wordsAreVoiceAndTheLongPausesBetweenThemAreNot() {
        // quiet line: 1 s of hiss, then word / pause / word / pause.
        short[] pcm = TestSignals.talkspurts(RATE, -20, -60, 5, 0, 1000, 600, 1000, 600, 1000);
        boolean[] flags = flags(new VoiceActivityDetector(RATE), pcm);
        assertThat(share(flags, 0, 1000)).isZero();
        assertThat(share(flags, 1100, 1500)).as("middle of the first word").isEqualTo(1.0);
        assertThat(share(flags, 1900, 2600)).as("pause, after the hangover").isZero();
        assertThat(share(flags, 2700, 3100)).as("middle of the second word").isEqualTo(1.0);
        assertThat(share(flags, 3500, 4200)).isZero();
    }

    @Test
    void onANoisyLineTheFloorIsLearntAndSpeechStillStandsOut() {
        // -35 dBFS of noise: a fixed -45 dBFS silence threshold would call all of it sound.
        short[] pcm = TestSignals.talkspurts(RATE, -12, -35, 6, 0, 2000, 600, 1500, 600, 1500);
        VoiceActivityDetector detector = new VoiceActivityDetector(RATE);
        boolean[] flags = flags(detector, pcm);
        assertThat(share(flags, 0, 2000)).isZero();
        assertThat(detector.noiseFloorDbfs()).isCloseTo(-35, within(1.5));
        assertThat(share(flags, 2100, 2500)).isEqualTo(1.0);
        assertThat(share(flags, 2900, 4100)).isZero();
        assertThat(share(flags, 4200, 4600)).isEqualTo(1.0);
        assertThat(share(flags, 5000, 6200)).isZero();
        SilenceDetector fixedThreshold = new SilenceDetector(-45, 1000, RATE);
        for (int f = 0; f < pcm.length / FRAME; f++) {
            assertThat(fixedThreshold.offer(pcm, f * FRAME, FRAME)).as("fixed threshold, frame %d", f).isFalse();
        }
    }

    @Test
    void aQuieterBackgroundIsFollowedDownAtOnce() {
        short[] loud = TestSignals.talkspurts(RATE, -12, -30, 7, 0, 2000);
        short[] quiet = TestSignals.talkspurts(RATE, -12, -60, 8, 0, 200);
        VoiceActivityDetector detector = new VoiceActivityDetector(RATE);
        flags(detector, loud);
        flags(detector, quiet);
        assertThat(detector.noiseFloorDbfs()).isCloseTo(-60, within(1.5));
        assertThat(detector.voice()).isFalse();
    }
}
