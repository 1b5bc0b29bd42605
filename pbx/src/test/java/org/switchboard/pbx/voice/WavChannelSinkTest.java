package org.switchboard.pbx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.wav.WavEncoding;
import org.switchboard.media.wav.WavFormat;
import org.switchboard.media.wav.WavReader;

class WavChannelSinkTest {
    @TempDir Path dir;

    private FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static short[] ramp(int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short) (i - 1000);
        return pcm;
    }

    @Test
    void writesAWavFileThatReadsBackSampleForSample() throws IOException {
        Path file = dir.resolve("m.wav");
        short[] pcm = ramp(16_000 * 3 / 2);
        try (FileChannel channel = create(file)) {
            WavChannelSink sink = WavChannelSink.start(channel, 16_000);
            for (int at = 0; at < pcm.length; at += 320) sink.write(pcm, at, 320);
            assertThat(sink.duration()).isEqualTo(Duration.ofMillis(1500));
            assertThat(sink.finish(Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        }
        try (WavReader reader = WavReader.open(file)) {
            assertThat(reader.format()).isEqualTo(new WavFormat(WavEncoding.PCM_16, 16_000, 1));
            assertThat(reader.readAll()).containsExactly(pcm);
        }
    }

    @Test
    void finishingCutsTheEndAndDropsLaterWrites() throws IOException {
        Path file = dir.resolve("m.wav");
        short[] pcm = ramp(8000 * 3);
        try (FileChannel channel = create(file)) {
            WavChannelSink sink = WavChannelSink.start(channel, 8000);
            sink.write(pcm, 0, pcm.length);
            assertThat(sink.finish(Duration.ofMillis(1250))).isEqualTo(Duration.ofMillis(1750));
            sink.write(pcm, 0, 160);
            assertThatThrownBy(() -> sink.finish(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        }
        try (WavReader reader = WavReader.open(file)) {
            assertThat(reader.readAll()).hasSize(14_000).startsWith(pcm[0], pcm[1]).endsWith(pcm[13_999]);
        }
        assertThat(file).hasSize(44 + 28_000);
    }

    @Test
    void cuttingMoreThanWasRecordedLeavesAnEmptyButValidFile() throws IOException {
        Path file = dir.resolve("m.wav");
        try (FileChannel channel = create(file)) {
            WavChannelSink sink = WavChannelSink.start(channel, 8000);
            sink.write(ramp(800), 0, 800);
            assertThat(sink.finish(Duration.ofSeconds(5))).isZero();
        }
        assertThat(file).hasSize(44);
    }

    @Test
    void aWriteThatFailsIsToldAndTheFileIsNotFinished() throws IOException {
        Path file = dir.resolve("m.wav");
        FileChannel channel = create(file);
        WavChannelSink sink = WavChannelSink.start(channel, 8000);
        channel.close();
        short[] second = ramp(8000);
        for (int i = 0; i < 3; i++) sink.write(second, 0, second.length);

        assertThat(sink.failure()).hasValueSatisfying(why -> assertThat(why).startsWith("cannot write the recording"));
        assertThatThrownBy(() -> sink.finish(Duration.ZERO)).isInstanceOf(IOException.class);
    }
}
