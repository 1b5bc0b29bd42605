package org.switchboard.pbx.prompt;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The format of a RIFF/WAVE file and where its samples are: enough to accept or refuse an
 * administrator's recording before a call plays it. It does not decode audio (module media does).
 * Accepts what sox writes and playback can turn into speech: PCM of 8, 16, 24 or 32 bits, 32- or
 * 64-bit float, A-law and µ-law (G.711), also inside WAVE_FORMAT_EXTENSIBLE; 1 to 8 channels;
 * 8 to 384 kHz. Chunks before {@code data} ({@code LIST}, {@code fact}...) are skipped, at most
 * {@value #MAX_CHUNKS} of them.
 *
 * @param formatCode    the WAVE format tag: {@link #PCM}, {@link #IEEE_FLOAT}, {@link #A_LAW}, {@link #MU_LAW}
 * @param dataOffset    where the samples start, in bytes from the start of the file
 * @param dataLength    the length of the {@code data} chunk as its header says (a streamed file may overstate it)
 */
public record WavHeader(int formatCode, int channels, int sampleRate, int bitsPerSample, long dataOffset, long dataLength) {

    public static final int PCM = 1;
    public static final int IEEE_FLOAT = 3;
    public static final int A_LAW = 6;
    public static final int MU_LAW = 7;
    static final int EXTENSIBLE = 0xFFFE;
    static final int MAX_CHUNKS = 64;
    private static final int MAX_FMT_BYTES = 1024;

    /** The playing time the {@code data} chunk announces. */
    public Duration duration() {
        long frameBytes = (long) channels * (bitsPerSample / 8);
        return Duration.ofNanos(dataLength / frameBytes * 1_000_000_000L / sampleRate);
    }

    /** Reads the header from the start of {@code in}, up to the first byte of samples; never throws. */
    public static WavCheck read(InputStream in) {
        try {
            byte[] riff = in.readNBytes(12);
            if (riff.length < 12) return invalid("too short for a WAV file");
            if (!chunkId(riff, 0).equals("RIFF") || !chunkId(riff, 8).equals("WAVE")) return invalid("not a RIFF/WAVE file");
            long offset = 12;
            byte[] fmt = null;
            for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
                byte[] head = in.readNBytes(8);
                if (head.length < 8) return invalid(fmt == null ? "no fmt chunk" : "no data chunk");
                String id = chunkId(head, 0);
                long size = u32(head, 4);
                offset += 8;
                if (id.equals("data")) {
                    if (fmt == null) return invalid("data chunk before the fmt chunk");
                    if (size == 0 || in.read() < 0) return invalid("no audio: the data chunk is empty");
                    return check(fmt, offset, size);
                }
                if (id.equals("fmt ")) {
                    if (size < 16 || size > MAX_FMT_BYTES) return invalid("fmt chunk of " + size + " bytes");
                    fmt = in.readNBytes((int) size);
                    if (fmt.length < size) return invalid("truncated fmt chunk");
                    if ((size & 1) == 1) in.skipNBytes(1);
                } else {
                    in.skipNBytes(size + (size & 1));
                }
                offset += size + (size & 1);
            }
            return invalid("no data chunk in the first " + MAX_CHUNKS + " chunks");
        } catch (EOFException e) {
            return invalid("truncated file");
        } catch (IOException e) {
            return invalid("cannot read: " + e.getMessage());
        }
    }

    private static WavCheck check(byte[] fmt, long dataOffset, long dataLength) {
        int code = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long rate = u32(fmt, 4);
        int bits = u16(fmt, 14);
        if (code == EXTENSIBLE) {
            if (fmt.length < 40) return invalid("WAVE_FORMAT_EXTENSIBLE without its sub-format");
            code = u16(fmt, 24);
        }
        boolean supported = switch (code) {
            case PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
            case IEEE_FLOAT -> bits == 32 || bits == 64;
            case A_LAW, MU_LAW -> bits == 8;
            default -> false;
        };
        if (!supported) {
            return invalid("unsupported encoding (format 0x" + Integer.toHexString(code) + ", " + bits
                    + " bits); convert it with: sox IN.wav -b 16 -e signed-integer OUT.wav");
        }
        if (channels < 1 || channels > 8) return invalid(channels + " channels");
        if (rate < 8000 || rate > 384_000) return invalid("sample rate of " + rate + " Hz");
        return new WavCheck.Valid(new WavHeader(code, channels, (int) rate, bits, dataOffset, dataLength));
    }

    private static WavCheck invalid(String reason) {
        return new WavCheck.Invalid(reason);
    }

    private static String chunkId(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] bytes, int at) {
        return u16(bytes, at) | (long) u16(bytes, at + 2) << 16;
    }
}
