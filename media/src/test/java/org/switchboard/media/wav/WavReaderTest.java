package org.switchboard.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.media.dsp.Goertzel;

class WavReaderTest {

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WavReaderTest.class.getResourceAsStream("sox/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** What SoX itself decoded the file to: raw 16-bit little-endian samples. */
    private static short[] soxDecoding(String name) throws IOException {
        byte[] raw = resource(name + ".s16le");
        short[] samples = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    private static short[] readAll(byte[] file) throws IOException {
        try (WavReader reader = WavReader.of(new ByteArrayInputStream(file))) {
            return reader.readAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pcm16-mono-8k, PCM_16, 8000, 1, 800",
        "pcm16-stereo-44k1, PCM_16, 44100, 2, 2205",
        "ulaw-8k, MU_LAW, 8000, 1, 800",
        "alaw-8k, A_LAW, 8000, 1, 800",
        "pcm8-11k, PCM_8_UNSIGNED, 11025, 1, 1103",
        "extensible-pcm16-4ch-16k, PCM_16, 16000, 4, 320",
        "ulaw-odd-length, MU_LAW, 8000, 1, 101"})
    void filesMadeBySoxReadAsSoxDecodesThem(String name, WavEncoding encoding, int rate, int channels, long frames)
            throws IOException {
        Path file = dir.resolve(name + ".wav");
        Files.write(file, resource(name + ".wav"));
        try (WavReader reader = WavReader.open(file)) {
            assertThat(reader.format()).isEqualTo(new WavFormat(encoding, rate, channels));
            assertThat(reader.frames()).isEqualTo(frames);
            assertThat(reader.readAll()).isEqualTo(soxDecoding(name));
            assertThat(reader.read(new short[8], 0, 8)).isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcm16-mono-8k", "pcm16-stereo-44k1", "ulaw-8k", "pcm8-11k", "extensible-pcm16-4ch-16k"})
    void readingInSmallPiecesGivesTheSameSamples(String name) throws IOException {
        byte[] file = resource(name + ".wav");
        short[] expected = soxDecoding(name);
        try (WavReader reader = WavReader.of(new ByteArrayInputStream(file))) {
            int channels = reader.format().channels();
            short[] all = new short[expected.length];
            int n = 0;
            int piece = channels;
            int got;
            while ((got = reader.read(all, n, Math.min(piece, Math.max(channels, all.length - n)))) > 0) {
                assertThat(got % channels).isZero();
                n += got;
                piece = piece % 50 + channels;
            }
            assertThat(n).isEqualTo(expected.length);
            assertThat(all).isEqualTo(expected);
        }
    }

    @Test
    void stereoChannelsComeInterleavedLeftFirst() throws IOException {
        short[] samples = readAll(resource("pcm16-stereo-44k1.wav"));
        short[] left = new short[samples.length / 2];
        short[] right = new short[samples.length / 2];
        for (int i = 0; i < left.length; i++) {
            left[i] = samples[2 * i];
            right[i] = samples[2 * i + 1];
        }
        assertThat(new Goertzel(440, 44100).powerDb(left, 0, left.length)).isGreaterThan(-7);
        assertThat(new Goertzel(660, 44100).powerDb(left, 0, left.length)).isLessThan(-40);
        assertThat(new Goertzel(660, 44100).powerDb(right, 0, right.length)).isGreaterThan(-7);
    }

    @Test
    void unknownChunksAndTheirPadBytesAreSkipped() throws IOException {
        byte[] file = WavBytes.riff()
                .chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000sox!".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .fmt(1, 1, 8000, 2, 16)
                .chunk("odd ", new byte[] {1, 2, 3})
                .chunk("data", WavBytes.pcm16((short) 1, (short) -2, (short) 300))
                .chunk("cue ", new byte[12])
                .bytes();
        assertThat(readAll(file)).containsExactly(1, -2, 300);
    }

    @Test
    void anExtensibleMuLawFileIsRead() throws IOException {
        byte[] file = WavBytes.riff().extensible(7, 1, 8000, 8, (byte) 0x71)
                .chunk("data", new byte[] {(byte) 0xFF, 0x00, (byte) 0x80}).bytes();
        assertThat(readAll(file)).containsExactly(0, -32124, 32124);
    }

    @Test
    void aDataSizeOfAllOnesMeansToTheEndOfTheFile() throws IOException {
        byte[] file = WavBytes.riff().fmt(1, 2, 8000, 4, 16)
                .chunk("data", 0xFFFFFFFFL, WavBytes.pcm16((short) 1, (short) 2, (short) 3, (short) 4, (short) 5)).bytes();
        // 10 data bytes and a pad: two whole frames; the half frame at the end is dropped.
        try (WavReader reader = WavReader.of(new ByteArrayInputStream(file))) {
            assertThat(reader.frames()).isEqualTo(-1);
            assertThat(reader.readAll()).containsExactly(1, 2, 3, 4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcm16-mono-8k", "ulaw-8k", "pcm8-11k", "extensible-pcm16-4ch-16k"})
    void everyTruncationIsAClearErrorNeverAnIndexException(String name) throws IOException {
        byte[] whole = resource(name + ".wav");
        int audioEnd = whole.length - (name.equals("pcm8-11k") ? 1 : 0); // the pad byte is not audio
        // Every cut inside the headers, then samples of the data, and the last bytes.
        for (int length = 0; length < audioEnd; length += length < 100 || length > audioEnd - 8 ? 1 : 61) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> readAll(cut)).as("cut at %d", length).isInstanceOf(WavFormatException.class);
            Path file = dir.resolve("cut.wav");
            Files.write(file, cut);
            assertThatThrownBy(() -> {
                try (WavReader reader = WavReader.open(file)) {
                    reader.readAll();
                }
            }).as("file cut at %d", length).isInstanceOf(WavFormatException.class);
        }
        assertThat(readAll(Arrays.copyOf(whole, audioEnd))).isEqualTo(soxDecoding(name));
    }

    @Test
    void aTruncatedFileSaysHowMuchIsMissing() throws IOException {
        byte[] whole = resource("pcm16-mono-8k.wav");
        Path file = dir.resolve("cut.wav");
        Files.write(file, Arrays.copyOf(whole, 1000));
        assertThatThrownBy(() -> WavReader.open(file))
                .hasMessage("file is truncated: its data chunk declares 1600 bytes but only 956 follow");
        assertThatThrownBy(() -> readAll(Arrays.copyOf(whole, 1000)))
                .hasMessage("file is truncated: it ends after 956 of the 1600 bytes its data chunk declares");
    }

    @Test
    void corruptedHeadersGiveFormatErrorsOrAudioNeverACrash() throws IOException {
        byte[] whole = resource("ulaw-8k.wav");
        Random random = new Random(4733);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] bad = whole.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bad[random.nextInt(64)] = (byte) random.nextInt(256);
            }
            try {
                readAll(bad);
            } catch (WavFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "RIFX|big-endian RIFX files are not supported",
        "RF64|RF64 (WAV over 4 GiB) files are not supported",
        "OggS|not a WAV file: it starts with \"OggS\", not \"RIFF\""})
    void otherContainersAreNamed(String magic, String message) {
        byte[] file = WavBytes.riff().magic(magic).fmt(1, 1, 8000, 2, 16).chunk("data", new byte[2]).bytes();
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(WavFormatException.class).hasMessage(message);
    }

    @Test
    void headerProblemsAreDescribed() {
        assertThatThrownBy(() -> readAll(new byte[5])).hasMessage("not a WAV file: 5 bytes, too short for a RIFF header");
        assertThatThrownBy(() -> readAll(WavBytes.riff().type("AVI ").fmt(1, 1, 8000, 2, 16).bytes()))
                .hasMessage("not a WAV file: a RIFF file of type \"AVI \"");
        assertThatThrownBy(() -> readAll(WavBytes.riff().chunk("LIST", new byte[4]).bytes()))
                .hasMessage("no fmt chunk: the file has no audio format");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 1, 8000, 2, 16).bytes()))
                .hasMessage("no data chunk: the file has a format but no audio");
        assertThatThrownBy(() -> readAll(WavBytes.riff().chunk("data", new byte[2]).fmt(1, 1, 8000, 2, 16).bytes()))
                .hasMessage("the data chunk comes before the fmt chunk");
        assertThatThrownBy(() -> readAll(WavBytes.riff().chunk("LIST", 5000, new byte[4]).bytes()))
                .hasMessage("file ends inside the \"LIST\" chunk, which declares 5000 bytes");
        assertThatThrownBy(() -> readAll(WavBytes.riff().chunk("fmt ", new byte[14]).bytes()))
                .hasMessage("fmt chunk of 14 bytes: needs at least 16");
    }

    @Test
    void unsupportedOrInconsistentFormatsAreDescribed() {
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(3, 1, 8000, 4, 32).chunk("data", new byte[4]).bytes()))
                .hasMessageStartingWith("WAV encoding IEEE float (format 0x0003) is not supported: convert it to 16-bit PCM");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(0x11, 1, 8000, 256, 4).chunk("data", new byte[4]).bytes()))
                .hasMessageStartingWith("WAV encoding IMA ADPCM (format 0x0011)");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 1, 8000, 3, 24).chunk("data", new byte[3]).bytes()))
                .hasMessage("PCM with 24 bits per sample is not supported (8 or 16)");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(7, 1, 8000, 2, 16).chunk("data", new byte[2]).bytes()))
                .hasMessage("µ-law with 16 bits per sample: G.711 has 8");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 2, 8000, 2, 16).chunk("data", new byte[4]).bytes()))
                .hasMessage("fmt chunk is inconsistent: block align 2 for 2 channels of 16 bits (expected 4)");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 0, 8000, 0, 16).chunk("data", new byte[4]).bytes()))
                .hasMessage("fmt chunk says 0 channels: must be 1..16");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 1, 0, 2, 16).chunk("data", new byte[4]).bytes()))
                .hasMessage("fmt chunk says 0 samples per second: must be 1..384000");
        assertThatThrownBy(() -> readAll(WavBytes.riff().fmt(1, 2, 8000, 4, 16).chunk("data", new byte[6]).bytes()))
                .hasMessage("data chunk of 6 bytes is not a whole number of 4-byte frames");
        assertThatThrownBy(() -> readAll(WavBytes.riff().extensible(1, 1, 8000, 16, (byte) 0x72)
                .chunk("data", new byte[2]).bytes()))
                .hasMessage("WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
    }

    @Test
    void aReadShorterThanAFrameIsAProgrammingError() throws IOException {
        try (WavReader reader = WavReader.of(new ByteArrayInputStream(resource("pcm16-stereo-44k1.wav")))) {
            assertThatThrownBy(() -> reader.read(new short[1], 0, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than one frame of 2");
        }
    }
}
