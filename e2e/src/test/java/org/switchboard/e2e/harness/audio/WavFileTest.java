package org.switchboard.e2e.harness.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavFileTest {
    @TempDir
    Path dir;

    @Test
    void writesACanonicalMonoPcmFileThatReadsBackTheSame() throws Exception {
        Pcm16 tone = Tone.of(440, 8000, Duration.ofMillis(300)).render();

        Path file = WavFile.write(dir.resolve("t.wav"), tone);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(bytes).hasSize(44 + 2 * tone.length());
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(WavFile.read(file)).isEqualTo(tone);
        assertThat(WavFile.isFinalised(file)).isTrue();
    }

    @Test
    void aRecordingStillBeingWrittenIsReadToTheEndOfTheFile() throws Exception {
        Pcm16 tone = Tone.of(1000, 8000, Duration.ofMillis(100)).render();
        byte[] bytes = Files.readAllBytes(WavFile.write(dir.resolve("a.wav"), tone));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 36).putInt(40, 0);
        Path open = Files.write(dir.resolve("open.wav"), bytes);

        assertThat(WavFile.isFinalised(open)).isFalse();
        assertThat(WavFile.read(open)).isEqualTo(tone);
    }

    @Test
    void linphonecsClosedRecordingIsFinalisedAndReadWithoutItsExcess() throws Exception {
        Pcm16 tone = Tone.of(440, 8000, Duration.ofMillis(100)).render();
        byte[] bytes = Files.readAllBytes(WavFile.write(dir.resolve("l.wav"), tone));
        // linphonec 5.1 counts the header in the data size, and 32 bytes more in the RIFF size.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, bytes.length + 32).putInt(40, bytes.length);
        Path linphone = Files.write(dir.resolve("linphone.wav"), bytes);
        Path zeroed = Files.write(dir.resolve("recording.wav"), new byte[44 + 320]);

        assertThat(WavFile.isFinalised(linphone)).isTrue();
        assertThat(WavFile.read(linphone)).isEqualTo(tone);
        assertThat(WavFile.isFinalised(zeroed)).as("linphonec's header while it records").isFalse();
    }

    @Test
    void stereoExtensibleFilesAreMixedDownToMono() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(68 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(68).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) 2).putInt(16000).putInt(64000)
                .putShort((short) 4).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(3)
                .putShort((short) 1).put(new byte[14]);
        b.put(ascii("data")).putInt(8).putShort((short) 100).putShort((short) 300).putShort((short) -50)
                .putShort((short) -150);
        Path file = Files.write(dir.resolve("stereo.wav"), b.array());

        Pcm16 pcm = WavFile.read(file);

        assertThat(WavFile.format(file)).isEqualTo(new WavFile.Format(16000, 2));
        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.length()).isEqualTo(2);
        assertThat(pcm.sample(0)).isEqualTo((short) 200);
        assertThat(pcm.sample(1)).isEqualTo((short) -100);
    }

    @Test
    void otherFilesAreRefusedWithTheReason() throws Exception {
        Path text = Files.writeString(dir.resolve("x.wav"), "not audio at all, clearly");
        byte[] eightBit = Files.readAllBytes(WavFile.write(dir.resolve("b.wav"), Tone.of(440, 8000,
                Duration.ofMillis(10)).render()));
        ByteBuffer.wrap(eightBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
        Path eight = Files.write(dir.resolve("eight.wav"), eightBit);

        assertThatThrownBy(() -> WavFile.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a RIFF/WAVE file");
        assertThatThrownBy(() -> WavFile.read(eight)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 bits");
        assertThat(WavFile.isFinalised(dir.resolve("missing.wav"))).isFalse();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
