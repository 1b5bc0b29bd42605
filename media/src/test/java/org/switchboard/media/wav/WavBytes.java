package org.switchboard.media.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, right or deliberately wrong, for reader tests. */
final class WavBytes {

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String magic = "RIFF";
    private String type = "WAVE";

    static WavBytes riff() {
        return new WavBytes();
    }

    WavBytes magic(String magic) {
        this.magic = magic;
        return this;
    }

    WavBytes type(String type) {
        this.type = type;
        return this;
    }

    /** A 16-byte fmt chunk with the given fields. */
    WavBytes fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer fmt = le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", fmt.array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID starts with {@code subTag}. */
    WavBytes extensible(int subTag, int channels, int rate, int bits, byte lastGuidByte) {
        int blockAlign = channels * bits / 8;
        ByteBuffer fmt = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3)
                .putShort((short) subTag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                    (byte) 0x9B, lastGuidByte});
        return chunk("fmt ", fmt.array());
    }

    /** A chunk with its size, its body and a pad byte when the size is odd. */
    WavBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose header declares {@code declared} bytes, whatever follows. */
    WavBytes chunk(String id, long declared, byte[] body) {
        chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        chunks.writeBytes(le(4).putInt((int) declared).array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1) {
            chunks.write(0);
        }
        return this;
    }

    /** 16-bit little-endian samples as a data body. */
    static byte[] pcm16(short... samples) {
        ByteBuffer data = le(samples.length * 2);
        for (short s : samples) {
            data.putShort(s);
        }
        return data.array();
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer file = le(12 + body.length);
        file.put(magic.getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + body.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body);
        return file.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
