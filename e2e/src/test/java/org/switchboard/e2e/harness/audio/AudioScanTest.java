package org.switchboard.e2e.harness.audio;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.switchboard.e2e.harness.audio.AudioScan.Span;

import static org.assertj.core.api.Assertions.assertThat;

class AudioScanTest {
    private static final int RATE = 8000;

    /** 500 ms silence, 1 s of noise (speech stand-in), 300 ms silence, a 250 ms 1000 Hz beep, 500 ms silence. */
    private static final Pcm16 GREETING_THEN_BEEP = concat(silence(500), noise(1000), silence(300),
            Tone.of(1000, RATE, Duration.ofMillis(250)).render(), silence(500));

    @Test
    void findsTheBeepAfterTheSpeech() {
        Span beep = AudioScan.firstTone(GREETING_THEN_BEEP, 1000, Duration.ofMillis(150), Duration.ZERO).orElseThrow();

        assertThat(beep.start().toMillis()).isBetween(1800L, 1820L);
        assertThat(beep.end().toMillis()).isBetween(2030L, 2060L);
    }

    @Test
    void aToneStillGoingAtTheEndIsNotFoundYet() {
        Pcm16 cut = GREETING_THEN_BEEP.slice(0, RATE * 1950 / 1000);

        assertThat(AudioScan.firstTone(cut, 1000, Duration.ofMillis(100), Duration.ZERO)).isEmpty();
    }

    @Test
    void speechIsNotTakenForATone() {
        assertThat(AudioScan.firstTone(GREETING_THEN_BEEP, 1000, Duration.ofMillis(100), Duration.ZERO)
                .orElseThrow().start()).isGreaterThan(Duration.ofMillis(1700));
        assertThat(AudioScan.firstTone(GREETING_THEN_BEEP, 440, Duration.ofMillis(60), Duration.ZERO)).isEmpty();
    }

    @Test
    void findsWhereSoundStartsAndWhereAPromptEnded() {
        assertThat(AudioScan.firstSound(GREETING_THEN_BEEP, Duration.ZERO)).hasValue(Duration.ofMillis(500));
        assertThat(AudioScan.soundThenQuiet(GREETING_THEN_BEEP, Duration.ZERO, Duration.ofMillis(200)))
                .hasValue(Duration.ofMillis(1500));
        assertThat(AudioScan.soundThenQuiet(GREETING_THEN_BEEP, Duration.ZERO, Duration.ofMillis(400)))
                .as("the 300 ms pause before the beep is not long enough").isPresent().get()
                .isEqualTo(Duration.ofMillis(2060));
        assertThat(AudioScan.soundWithin(GREETING_THEN_BEEP, new Span(Duration.ZERO, Duration.ofMillis(1500))))
                .isEqualTo(Duration.ofMillis(1000));
    }

    private static Pcm16 silence(int millis) {
        return new Pcm16(RATE, new short[RATE * millis / 1000]);
    }

    private static Pcm16 noise(int millis) {
        Random random = new Random(7);
        short[] samples = new short[RATE * millis / 1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (random.nextGaussian() * 3000);
        }
        return new Pcm16(RATE, samples);
    }

    private static Pcm16 concat(Pcm16... parts) {
        int length = 0;
        for (Pcm16 p : parts) {
            length += p.length();
        }
        short[] all = new short[length];
        int at = 0;
        for (Pcm16 p : parts) {
            for (int i = 0; i < p.length(); i++) {
                all[at++] = p.sample(i);
            }
        }
        return new Pcm16(RATE, all);
    }
}
