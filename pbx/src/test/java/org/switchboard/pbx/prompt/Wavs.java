package org.switchboard.pbx.prompt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built RIFF/WAVE files for tests. */
final class Wavs {
    private Wavs() { }

    /** A valid 16-bit PCM file holding {@code samples}. */
    static byte[] pcm16(int rate, int channels, short... samples) {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) data.putShort(sample);
        return riff(chunk("fmt ", fmt(WavHeader.PCM, channels, rate, 16)), chunk("data", data.array()));
    }

    static byte[] fmt(int code, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) code).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** WAVE_FORMAT_EXTENSIBLE around {@code subFormat}. */
    static byte[] fmtExtensible(int subFormat, int channels, int rate, int bits) {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put(fmt(0xFFFE, channels, rate, bits));
        fmt.putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3).putShort((short) subFormat);
        return fmt.array();
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body).array();
    }

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) body.writeBytes(chunk);
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(head.array());
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }
}
