package org.switchboard.media.codec;

/**
 * ITU-T G.711 A-law companding (PCMA, RFC 3551 §4.5.14): one byte per sample, 8 segments of 16
 * steps over a 12-bit magnitude, even bits inverted on the wire ({@code ^ 0x55}).
 *
 * <p>The codes are those of the ITU-T G.191 reference ({@code alaw_compress}/{@code alaw_expand})
 * and, equally, of Sun's {@code g711.c} ({@code linear2alaw}/{@code alaw2linear}) and spandsp:
 * a negative sample {@code x} is quantised by its one's complement {@code ~x}, so every code
 * decodes and re-encodes to itself.
 *
 * <p>Both directions are table lookups built at class load from the G.191 arithmetic
 * ({@link #compress}, {@link #expand}): 4 KiB for encoding (indexed by the 12 significant bits),
 * 512 bytes for decoding.
 */
public final class ALaw {

    /** The code of silence (a positive zero). */
    public static final byte SILENCE = (byte) 0xD5;

    private static final short[] LINEAR = new short[256];
    private static final byte[] CODE = new byte[1 << 12];

    static {
        for (int code = 0; code < 256; code++) {
            LINEAR[code] = (short) expand(code);
        }
        for (int index = 0; index < CODE.length; index++) {
            int twelveBits = (index << 20) >> 20;
            CODE[index] = (byte) compress(twelveBits << 4);
        }
    }

    private ALaw() { }

    /** The A-law code of a 16-bit sample (only its 12 high bits count, as in G.711). */
    public static byte encode(int sample) {
        return CODE[(sample >> 4) & 0xFFF];
    }

    /** The 16-bit linear value of an A-law code (any byte value). */
    public static short decode(byte code) {
        return LINEAR[code & 0xFF];
    }

    /** Encodes {@code count} samples; the caller checks bounds. */
    static void encode(short[] pcm, int offset, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = CODE[(pcm[offset + i] >> 4) & 0xFFF];
        }
    }

    /** Decodes {@code count} codes; the caller checks bounds. */
    static void decode(byte[] codes, int offset, int count, short[] pcm, int pcmOffset) {
        for (int i = 0; i < count; i++) {
            pcm[pcmOffset + i] = LINEAR[codes[offset + i] & 0xFF];
        }
    }

    /** G.191 {@code alaw_compress} for one sample: the arithmetic the encoding table holds. */
    static int compress(int sample) {
        int magnitude = (sample < 0 ? ~sample : sample) >> 4;
        if (magnitude > 15) {
            int exponent = 1;
            while (magnitude > 31) {
                magnitude >>= 1;
                exponent++;
            }
            magnitude = magnitude - 16 + (exponent << 4);
        }
        int code = sample >= 0 ? magnitude | 0x80 : magnitude;
        return code ^ 0x55;
    }

    /** G.191 {@code alaw_expand} for one code: the arithmetic the decoding table holds. */
    static int expand(int code) {
        int bits = (code ^ 0x55) & 0x7F;
        int exponent = bits >> 4;
        int mantissa = bits & 0xF;
        if (exponent > 0) {
            mantissa += 16;
        }
        int magnitude = (mantissa << 4) + 8;
        if (exponent > 1) {
            magnitude <<= exponent - 1;
        }
        return (code & 0x80) != 0 ? magnitude : -magnitude;
    }
}
