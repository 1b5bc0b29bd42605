package org.switchboard.e2e.harness.audio;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ToneTest {
    @Test
    void rendersTheRequestedLengthAndPeak() {
        Pcm16 pcm = Tone.of(440, 8000, Duration.ofSeconds(2)).render();

        assertThat(pcm.sampleRate()).isEqualTo(8000);
        assertThat(pcm.length()).isEqualTo(16_000);
        int peak = 0;
        for (int i = 0; i < pcm.length(); i++) {
            peak = Math.max(peak, Math.abs(pcm.sample(i)));
        }
        assertThat(peak / 32767.0).isCloseTo(0.5, within(0.001));
    }

    @Test
    void fadesInAndOutWithoutAClick() {
        Pcm16 pcm = Tone.of(1000, 16000, Duration.ofMillis(500)).render();

        assertThat(pcm.sample(0)).isZero();
        assertThat(pcm.sample(pcm.length() - 1)).isZero();
    }

    @Test
    void refusesWhatCannotBeSampled() {
        assertThatThrownBy(() -> Tone.of(4000, 8000, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nyquist");
        assertThatThrownBy(() -> Tone.of(440, 8000, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tone(440, 8000, Duration.ofSeconds(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplitude");
    }
}
