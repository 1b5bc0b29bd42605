package org.switchboard.e2e.harness.audio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.OneShotCommand;
import org.switchboard.e2e.harness.ProcessResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StereoWavTest {
    @TempDir
    Path dir;

    @Test
    void splitsAFileSoxMergedIntoItsTwoChannels() {
        Path left = Tone.of(440, 8000, Duration.ofMillis(1500)).writeWav(dir.resolve("left.wav"));
        Path right = Tone.of(1000, 8000, Duration.ofMillis(1500)).writeWav(dir.resolve("right.wav"));
        Path stereo = dir.resolve("stereo.wav");
        ProcessResult sox = new OneShotCommand("sox-merge", List.of("sox", "-M", left.toString(), right.toString(),
                stereo.toString()), dir, Duration.ofSeconds(20)).run();
        assertThat(sox.exitCode()).as(sox.describe()).isZero();

        StereoWav read = StereoWav.read(stereo);

        assertThat(read.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(read.left()).isEqualTo(WavFile.read(left));
        assertThat(read.right()).isEqualTo(WavFile.read(right));
        assertThat(AudioAnalyser.measure(read.left()).dominantHz()).isCloseTo(440, within(2.0));
        assertThat(AudioAnalyser.measure(read.right()).dominantHz()).isCloseTo(1000, within(2.0));
    }

    @Test
    void refusesAMonoFileNamingItsChannels() {
        Path mono = Tone.of(440, 8000, Duration.ofMillis(200)).writeWav(dir.resolve("mono.wav"));

        assertThatThrownBy(() -> StereoWav.read(mono)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 channel(s), not 2");
    }

    @Test
    void refusesAFileThatIsNoWav() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> StereoWav.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a WAV file");
    }
}
