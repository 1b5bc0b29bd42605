package org.switchboard.e2e.harness.audio;

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

class WavDecoderTest {
    @TempDir
    Path dir;

    @Test
    void decodesAULawFileThatSoxWrote() {
        Path pcm = Tone.of(440, 8000, Duration.ofMillis(1500)).writeWav(dir.resolve("pcm.wav"));
        Path ulaw = dir.resolve("ulaw.wav");
        ProcessResult sox = new OneShotCommand("sox-ulaw", List.of("sox", pcm.toString(), "-e", "u-law",
                ulaw.toString()), dir, Duration.ofSeconds(20)).run();
        assertThat(sox.exitCode()).as(sox.describe()).isZero();

        Pcm16 decoded = WavDecoder.decode(ulaw);

        assertThat(decoded.sampleRate()).isEqualTo(8000);
        assertThat(decoded.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(AudioAnalyser.measure(decoded).dominantHz()).isCloseTo(440, within(2.0));
    }

    @Test
    void decodesPcmAsWavFileReadsIt() {
        Pcm16 tone = Tone.of(1000, 16000, Duration.ofMillis(200)).render();

        assertThat(WavDecoder.decode(WavFile.write(dir.resolve("t.wav"), tone))).isEqualTo(tone);
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> WavDecoder.decode("not a wav".getBytes(), "mail attachment"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mail attachment");
    }
}
