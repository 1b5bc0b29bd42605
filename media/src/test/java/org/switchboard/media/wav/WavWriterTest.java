package org.switchboard.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;

class WavWriterTest {

    @TempDir
    Path dir;

    private static short[] sine(double frequency, int rate, int n) {
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return out;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static short[] read(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            return reader.readAll();
        }
    }

    @Test
    void aCommittedMonoFileIsCompleteAndReadsBackExactly() throws IOException {
        Path target = dir.resolve("message.wav");
        short[] audio = sine(440, 8000, 8000);
        try (WavWriter writer = WavWriter.create(target, 8000, 1)) {
            for (int off = 0; off < audio.length; off += 160) {
                writer.write(audio, off, 160);
            }
            assertThat(writer.frames()).isEqualTo(8000);
            writer.commit();
        }
        assertThat(listing()).containsExactly("message.wav");
        assertThat(Files.size(target)).isEqualTo(44 + 16000);
        try (WavReader reader = WavReader.open(target)) {
            assertThat(reader.format()).isEqualTo(new WavFormat(WavEncoding.PCM_16, 8000, 1));
            assertThat(reader.frames()).isEqualTo(8000);
            assertThat(reader.readAll()).isEqualTo(audio);
        }
    }

    @Test
    void theHeaderIsTheCanonicalFortyFourBytes() throws IOException {
        Path target = dir.resolve("two.wav");
        try (WavWriter writer = WavWriter.create(target, 16000, 2)) {
            writer.write(new short[] {1, -1, 2, -2}, 0, 4);
            writer.commit();
        }
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(target))).isEqualTo(
                "52494646" + "2c000000" + "57415645"                 // RIFF, 36 + 8, WAVE
                + "666d7420" + "10000000" + "0100" + "0200"         // fmt, 16 bytes, PCM, 2 channels
                + "803e0000" + "00fa0000" + "0400" + "1000"         // 16000 Hz, 64000 B/s, align 4, 16 bits
                + "64617461" + "08000000" + "0100ffff0200feff");     // data, 8 bytes, samples
    }

    @Test
    void aStereoRecordingHasOnePartyPerChannel() throws IOException {
        Path target = dir.resolve("call.wav");
        short[] caller = sine(400, 8000, 8000);
        short[] callee = sine(1000, 8000, 8000);
        try (WavWriter writer = WavWriter.create(target, 8000, 2)) {
            for (int off = 0; off < 8000; off += 160) {
                writer.writeStereo(caller, off, callee, off, 160);
            }
            writer.commit();
        }
        short[] both = read(target);
        short[] left = new short[8000];
        short[] right = new short[8000];
        for (int i = 0; i < 8000; i++) {
            left[i] = both[2 * i];
            right[i] = both[2 * i + 1];
        }
        assertThat(left).isEqualTo(caller);
        assertThat(right).isEqualTo(callee);
        assertThat(new Goertzel(1000, 8000).powerDb(left, 0, 8000)).isLessThan(-100);
    }

    @Test
    void untilTheCommitOnlyAHiddenTemporaryFileExists() throws IOException {
        Path target = dir.resolve("greeting.wav");
        try (WavWriter writer = WavWriter.create(target, 8000, 1)) {
            writer.write(new short[1600], 0, 1600);
            assertThat(Files.exists(target)).isFalse();
            assertThat(listing()).singleElement().satisfies(name -> {
                assertThat(name).startsWith(".greeting.wav.").endsWith(".partial");
                assertThat(WavWriter.isTemporary(dir.resolve(name))).isTrue();
            });
            assertThat(writer.temporaryFile().getParent()).isEqualTo(dir.toAbsolutePath());
            writer.commit();
        }
        assertThat(listing()).containsExactly("greeting.wav");
    }

    @Test
    void anAbortedOrUncommittedFileLeavesNothing() throws IOException {
        WavWriter aborted = WavWriter.create(dir.resolve("a.wav"), 8000, 1);
        aborted.write(new short[160], 0, 160);
        aborted.abort();
        aborted.abort();
        try (WavWriter closed = WavWriter.create(dir.resolve("b.wav"), 8000, 1)) {
            closed.write(new short[160], 0, 160);
        }
        assertThat(listing()).isEmpty();
        assertThatThrownBy(() -> aborted.write(new short[160], 0, 160))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("is aborted");
    }

    @Test
    void aCrashBeforeCommitLeavesOnlyATemporaryFileThatCleanupRemoves() throws IOException {
        Files.writeString(dir.resolve("keep.wav"), "a finished recording");
        Files.writeString(dir.resolve(".hidden.partial"), "not ours: no token");
        // The process "dies" with the writer open: no commit, no abort, no close.
        WavWriter crashed = WavWriter.create(dir.resolve("lost.wav"), 8000, 1);
        crashed.write(new short[8000], 0, 8000);
        assertThat(Files.exists(dir.resolve("lost.wav"))).isFalse();
        List<Path> removed = WavWriter.removeTemporaries(dir);
        assertThat(removed).containsExactly(crashed.temporaryFile());
        assertThat(listing()).containsExactly(".hidden.partial", "keep.wav");
        assertThat(WavWriter.isTemporary(dir.resolve("keep.wav"))).isFalse();
        assertThat(WavWriter.isTemporary(dir.resolve(".lost.wav.0123456789abcdef.partial"))).isTrue();
        crashed.close();
    }

    @Test
    void aCommitReplacesAnOlderFileWhichStaysWholeUntilThen() throws IOException {
        Path target = dir.resolve("greeting.wav");
        short[] old = sine(440, 8000, 800);
        try (WavWriter writer = WavWriter.create(target, 8000, 1)) {
            writer.write(old, 0, old.length);
            writer.commit();
        }
        short[] fresh = sine(1000, 8000, 1600);
        try (WavWriter writer = WavWriter.create(target, 8000, 1)) {
            writer.write(fresh, 0, 800);
            assertThat(read(target)).as("a reader during the rewrite sees the old file").isEqualTo(old);
            writer.write(fresh, 800, 800);
            writer.commit();
        }
        assertThat(read(target)).isEqualTo(fresh);
        assertThat(listing()).containsExactly("greeting.wav");
    }

    @Test
    void theTemporaryFileHasAReadableHeaderWithZeroSizes() throws IOException {
        try (WavWriter writer = WavWriter.create(dir.resolve("x.wav"), 8000, 1)) {
            writer.write(new short[160], 0, 160);
            byte[] header = Arrays.copyOf(Files.readAllBytes(writer.temporaryFile()), 44);
            ByteBuffer le = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(le.getInt(4)).isEqualTo(36);
            assertThat(le.getInt(40)).isZero();
        }
    }

    @Test
    void misuseIsRefusedClearly() throws IOException {
        assertThatThrownBy(() -> WavWriter.create(dir.resolve("x.wav"), 8000, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("3 channels: a WavWriter writes mono or stereo");
        assertThatThrownBy(() -> WavWriter.create(dir.resolve("missing/x.wav"), 8000, 1))
                .isInstanceOf(NoSuchFileException.class);
        try (WavWriter stereo = WavWriter.create(dir.resolve("s.wav"), 8000, 2);
                WavWriter mono = WavWriter.create(dir.resolve("m.wav"), 8000, 1)) {
            assertThatThrownBy(() -> stereo.write(new short[3], 0, 3))
                    .hasMessage("3 samples is not a whole number of 2-channel frames");
            assertThatThrownBy(() -> mono.writeStereo(new short[1], 0, new short[1], 0, 1))
                    .hasMessage("writeStereo on a mono file");
            mono.commit();
            assertThatThrownBy(mono::commit).hasMessageEndingWith("is committed");
        }
        assertThat(listing()).containsExactly("m.wav");
    }
}
