package org.switchboard.e2e.harness.audio;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AudioAnalyserTest {
    @Test
    void findsTheFrequencyAndLevelOfANarrowBandTone() {
        AudioMeasurement m = AudioAnalyser.measure(Tone.of(440, 8000, Duration.ofSeconds(3)).render());

        assertThat(m.dominantHz()).as(m.describe()).isCloseTo(440, within(1.0));
        // A sine of peak 0.5 has an RMS of 0.5/sqrt(2): -9.03 dBFS.
        assertThat(m.rmsDbfs()).isCloseTo(-9.03, within(0.1));
        assertThat(m.toneShare()).isGreaterThan(0.95);
        assertThat(m.isSilent()).isFalse();
    }

    @Test
    void findsAWideBandToneOffTheCoarseGrid() {
        AudioMeasurement m = AudioAnalyser.measure(Tone.of(1003.5, 16000, Duration.ofSeconds(2)).render());

        assertThat(m.dominantHz()).as(m.describe()).isCloseTo(1003.5, within(1.0));
    }

    @Test
    void measuresOnlyTheSteadyPartBetweenSilences() {
        Pcm16 tone = Tone.of(1000, 8000, Duration.ofSeconds(2)).render();
        short[] samples = new short[8000 + tone.length() + 8000];
        for (int i = 0; i < tone.length(); i++) {
            samples[8000 + i] = tone.sample(i);
        }

        AudioMeasurement m = AudioAnalyser.measure(new Pcm16(8000, samples));

        assertThat(m.dominantHz()).isCloseTo(1000, within(1.0));
        assertThat(m.rmsDbfs()).as("silence around the tone does not dilute its level").isCloseTo(-9.03, within(0.2));
        assertThat(m.steadyStart()).isBetween(Duration.ofMillis(1200), Duration.ofMillis(1300));
        assertThat(m.steadyLength()).isBetween(Duration.ofMillis(1450), Duration.ofMillis(1550));
    }

    @Test
    void theLouderOfTwoTonesDominates() {
        Pcm16 loud = new Tone(1000, 8000, Duration.ofSeconds(1), 0.6).render();
        Pcm16 soft = new Tone(440, 8000, Duration.ofSeconds(1), 0.2).render();
        short[] mix = new short[loud.length()];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (loud.sample(i) + soft.sample(i));
        }

        AudioMeasurement m = AudioAnalyser.measure(new Pcm16(8000, mix));

        assertThat(m.dominantHz()).isCloseTo(1000, within(1.0));
        assertThat(m.toneShare()).isBetween(0.8, 0.95);
    }

    @Test
    void aHeardToneIsTheRightFrequencyLoudAndLong() {
        AudioMeasurement heard = AudioAnalyser.measure(Tone.of(440, 8000, Duration.ofSeconds(3)).render());
        AudioMeasurement quiet = AudioAnalyser.measure(new Tone(440, 8000, Duration.ofSeconds(3), 0.01).render());
        AudioMeasurement burst = AudioAnalyser.measure(Tone.of(440, 8000, Duration.ofSeconds(1)).render());

        assertThat(heard.isAudibleToneAt(440)).isTrue();
        assertThat(heard.isAudibleToneAt(1000)).isFalse();
        assertThat(quiet.isAudibleToneAt(440)).as("-43 dBFS: " + quiet.describe()).isFalse();
        assertThat(burst.isAudibleToneAt(440)).as("1 s: " + burst.describe()).isFalse();
    }

    @Test
    void silenceIsReportedAsSilent() {
        AudioMeasurement m = AudioAnalyser.measure(new Pcm16(8000, new short[16000]));

        assertThat(m.isSilent()).isTrue();
        assertThat(m.rmsDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.describe()).isEqualTo("silent");
    }

    @Test
    void noiseIsNotATone() {
        Random random = new Random(7);
        short[] noise = new short[16000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * 3000);
        }

        AudioMeasurement m = AudioAnalyser.measure(new Pcm16(8000, noise));

        assertThat(m.isSilent()).isFalse();
        assertThat(m.toneShare()).isLessThan(0.05);
    }
}
