package org.switchboard.media.codec;

/**
 * ITU-T G.711 µ-law companding (PCMU, RFC 3551 §4.5.14): one byte per sample, 8 segments of 16
 * steps over a 14-bit magnitude, all bits inverted on the wire.
 *
 * <p>The codes are those of the ITU-T G.191 reference ({@code ulaw_compress}/{@code ulaw_expand}
 * of the STL) and of WebRTC's G.711: a negative sample {@code x} is quantised by its one's
 * complement {@code ~x}, so -1 encodes to the negative zero {@code 0x7F}. Older code negates
 * instead and answers one code step louder for negative samples on a decision level: Sun's
 * {@code g711.c} {@code linear2ulaw} for 508 of the 65536 inputs, spandsp 0.0.6 for 127. Every
 * decoder agrees with {@link #decode}. A-law has no such split ({@link ALaw}).
 *
 * <p>Both directions are table lookups built at class load from the G.191 arithmetic
 * ({@link #compress}, {@link #expand}): 16 KiB for encoding (indexed by the 14 significant bits),
 * 512 bytes for decoding; both fit in the L1 cache.
 */
public final class MuLaw {

    /** The code of silence (a positive zero). */
    public static final byte SILENCE = (byte) 0xFF;

    private static final short[] LINEAR = new short[256];
    private static final byte[] CODE = new byte[1 << 14];

    static {
        for (int code = 0; code < 256; code++) {
            LINEAR[code] = (short) expand(code);
        }
        for (int index = 0; index < CODE.length; index++) {
            int fourteenBits = (index << 18) >> 18;
            CODE[index] = (byte) compress(fourteenBits << 2);
        }
    }

    private MuLaw() { }

    /** The µ-law code of a 16-bit sample (only its 14 high bits count, as in G.711). */
    public static byte encode(int sample) {
        return CODE[(sample >> 2) & 0x3FFF];
    }

    /** The 16-bit linear value of a µ-law code (any byte value). */
    public static short decode(byte code) {
        return LINEAR[code & 0xFF];
    }

    /** Encodes {@code count} samples; the caller checks bounds. */
    static void encode(short[] pcm, int offset, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = CODE[(pcm[offset + i] >> 2) & 0x3FFF];
        }
    }

    /** Decodes {@code count} codes; the caller checks bounds. */
    static void decode(byte[] codes, int offset, int count, short[] pcm, int pcmOffset) {
        for (int i = 0; i < count; i++) {
            pcm[pcmOffset + i] = LINEAR[codes[offset + i] & 0xFF];
        }
    }

    /** G.191 {@code ulaw_compress} for one sample: the arithmetic the encoding table holds. */
    static int compress(int sample) {
        int magnitude = Math.min(((sample < 0 ? ~sample : sample) >> 2) + 33, 0x1FFF);
        int segment = 1 + (32 - Integer.numberOfLeadingZeros(magnitude >> 6));
        int code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 0xF));
        return sample >= 0 ? code | 0x80 : code;
    }

    /** G.191 {@code ulaw_expand} for one code: the arithmetic the decoding table holds. */
    static int expand(int code) {
        int inverted = ~code;
        int exponent = (inverted >> 4) & 0x7;
        int mantissa = inverted & 0xF;
        int step = 4 << (exponent + 1);
        int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
        return (code & 0x80) == 0 ? -magnitude : magnitude;
    }
}
