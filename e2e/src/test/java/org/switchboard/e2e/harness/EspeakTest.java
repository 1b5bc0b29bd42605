package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.WavFile;

import static org.assertj.core.api.Assertions.assertThat;

class EspeakTest {
    @TempDir
    Path dir;

    @Test
    void speechIsNarrowBandMonoAndLastsAsLongAsAsked() {
        Path wav = Espeak.speech(dir.resolve("hello.wav"), "Hello Bob, this is Alice.", Duration.ofSeconds(5));

        Pcm16 speech = WavFile.read(wav);
        AudioMeasurement measured = AudioAnalyser.measure(speech);
        assertThat(WavFile.format(wav)).isEqualTo(new WavFile.Format(8000, 1));
        assertThat(speech.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(5)).isLessThan(Duration.ofSeconds(8));
        assertThat(measured.rmsDbfs()).as(measured.describe()).isGreaterThan(-30);
        assertThat(measured.toneShare()).as("speech, not a tone: %s", measured.describe()).isLessThan(0.5);
        assertThat(dir.toFile().list()).containsExactly("hello.wav");
    }
}
