package org.switchboard.pbx.voicemail.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestWav;

class WavInfoTest {
    @TempDir Path dir;

    @Test
    void theDurationComesFromTheByteRateAndTheDataChunkPastOtherChunks() throws Exception {
        Path file = Files.write(dir.resolve("m.wav"), TestWav.ulaw(Duration.ofMillis(2500)));
        assertThat(WavInfo.read(file)).hasValueSatisfying(info -> {
            assertThat(info.byteRate()).isEqualTo(8000);
            assertThat(info.duration()).isEqualTo(Duration.ofMillis(2500));
        });
    }

    @Test
    void aDataSizeNeverWrittenMeansToTheEndOfTheFile() throws Exception {
        byte[] wav = TestWav.ulaw(Duration.ofSeconds(3));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(wav.length - 3 * 8000 - 4, 0);
        Path file = Files.write(dir.resolve("m.wav"), wav);
        assertThat(WavInfo.read(file).orElseThrow().duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void somethingElseIsNotAWavFileAndThrowsNothing() throws Exception {
        byte[] wav = TestWav.ulaw(Duration.ofSeconds(1));
        assertThat(WavInfo.read(Files.write(dir.resolve("text.wav"), "not audio at all".getBytes()))).isEmpty();
        assertThat(WavInfo.read(Files.write(dir.resolve("cut.wav"), Arrays.copyOf(wav, 30)))).isEmpty();
        assertThat(WavInfo.read(Files.write(dir.resolve("empty.wav"), new byte[0]))).isEmpty();
        assertThat(WavInfo.read(dir.resolve("missing.wav"))).isEmpty();
    }
}
