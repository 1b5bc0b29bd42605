package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.prompt.Wavs.chunk;
import static org.switchboard.pbx.prompt.Wavs.fmt;
import static org.switchboard.pbx.prompt.Wavs.riff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavHeaderTest {

    private static WavCheck read(byte[] file) {
        return WavHeader.read(new ByteArrayInputStream(file));
    }

    private static WavHeader valid(byte[] file) {
        WavCheck check = read(file);
        assertThat(check).isInstanceOf(WavCheck.Valid.class);
        return ((WavCheck.Valid) check).header();
    }

    private static String reason(byte[] file) {
        WavCheck check = read(file);
        assertThat(check).isInstanceOf(WavCheck.Invalid.class);
        return ((WavCheck.Invalid) check).reason();
    }

    @Test
    void reads_a_plain_pcm_file() {
        WavHeader header = valid(Wavs.pcm16(16_000, 1, new short[16_000]));
        assertThat(header).isEqualTo(new WavHeader(WavHeader.PCM, 1, 16_000, 16, 44, 32_000));
        assertThat(header.duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void skips_other_chunks_and_their_padding() {
        byte[] file = riff(chunk("fmt ", fmt(WavHeader.MU_LAW, 1, 8000, 8)), chunk("LIST", new byte[5]),
                chunk("data", new byte[800]));
        WavHeader header = valid(file);
        assertThat(header.formatCode()).isEqualTo(WavHeader.MU_LAW);
        assertThat(header.dataOffset()).isEqualTo(12 + 24 + 14 + 8);
        assertThat(header.duration()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void reads_the_sub_format_of_an_extensible_file() {
        byte[] file = riff(chunk("fmt ", Wavs.fmtExtensible(WavHeader.PCM, 2, 48_000, 24)), chunk("data", new byte[600]));
        WavHeader header = valid(file);
        assertThat(header.formatCode()).isEqualTo(WavHeader.PCM);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.bitsPerSample()).isEqualTo(24);
    }

    @Test
    void says_what_is_wrong_with_a_bad_file() {
        assertThat(reason(new byte[0])).isEqualTo("too short for a WAV file");
        assertThat(reason("ID3\u0004 this is an mp3 file".getBytes())).isEqualTo("not a RIFF/WAVE file");
        assertThat(reason(riff(chunk("data", new byte[4])))).isEqualTo("data chunk before the fmt chunk");
        assertThat(reason(riff(chunk("fmt ", fmt(1, 1, 8000, 16))))).isEqualTo("no data chunk");
        assertThat(reason(riff(chunk("LIST", new byte[4])))).isEqualTo("no fmt chunk");
        assertThat(reason(riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", new byte[0])))).contains("no audio");
        assertThat(reason(riff(chunk("fmt ", new byte[8]), chunk("data", new byte[2])))).isEqualTo("fmt chunk of 8 bytes");
        assertThat(reason(riff(chunk("fmt ", fmt(0x11, 1, 8000, 4)), chunk("data", new byte[2]))))
                .startsWith("unsupported encoding (format 0x11, 4 bits)").contains("sox");
        assertThat(reason(riff(chunk("fmt ", fmt(1, 0, 8000, 16)), chunk("data", new byte[2])))).isEqualTo("0 channels");
        assertThat(reason(riff(chunk("fmt ", fmt(1, 1, 4000, 16)), chunk("data", new byte[2])))).isEqualTo("sample rate of 4000 Hz");
    }

    @Test
    void reports_a_truncated_file() {
        byte[] whole = riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("LIST", new byte[100]), chunk("data", new byte[2]));
        assertThat(reason(Arrays.copyOf(whole, 60))).isEqualTo("truncated file");
        byte[] headerOnly = Arrays.copyOf(Wavs.pcm16(8000, 1, new short[10]), 44);
        assertThat(reason(headerOnly)).contains("no audio");
    }

    @Test
    void turns_a_read_error_into_a_reason() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThat(WavHeader.read(failing)).isEqualTo(new WavCheck.Invalid("cannot read: disk on fire"));
    }
}
