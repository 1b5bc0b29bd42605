package org.switchboard.media.wav;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;

/**
 * Reads a RIFF/WAVE file as 16-bit PCM: 16-bit and 8-bit unsigned PCM, G.711 A-law (format 6) and
 * µ-law (format 7), plain or in {@code WAVE_FORMAT_EXTENSIBLE} with such a sub-format, any channel
 * count (samples interleaved) and any rate. Chunks other than {@code fmt} and {@code data}
 * ({@code LIST}, {@code fact}, {@code cue}...) are skipped, with the pad byte that follows a chunk of
 * odd size (RIFF, Microsoft Multimedia Programming Interface 1.0, 1991).
 *
 * <p>A file that is not one of these, or is truncated or inconsistent, gives a
 * {@link WavFormatException} that says what is wrong, never an index or arithmetic exception. A data
 * size of {@code 0xFFFFFFFF}, which streaming writers leave when they cannot seek back, means "to
 * the end of the file". The header's byte rate is informative and not checked (players ignore it too).
 *
 * <p>The header is read by {@link #open} or {@link #of}; the samples then stream through
 * {@link #read} with a reused buffer, so a long recording is never held in memory whole.
 */
public final class WavReader implements Closeable {

    private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;
    private static final int MAX_FMT_BYTES = 1024;
    /** The fixed tail of every KSDATAFORMAT_SUBTYPE GUID: {@code xxxxxxxx-0000-0010-8000-00AA00389B71}. */
    private static final byte[] SUBTYPE_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
        (byte) 0x9B, 0x71};

    private final InputStream in;
    private final WavFormat format;
    /** Bytes of the data chunk, or -1 when the header says "to the end". */
    private final long dataBytes;
    private long remaining;
    private long position;
    private final byte[] buffer;

    private WavReader(InputStream in, long fileSize) throws IOException {
        this.in = in;
        expectRiffHeader();
        WavFormat fmt = null;
        while (true) {
            byte[] header = new byte[8];
            int got = readFully(header, 0, 8);
            if (got == 0) {
                throw new WavFormatException(fmt == null ? "no fmt chunk: the file has no audio format"
                        : "no data chunk: the file has a format but no audio");
            }
            if (got < 8) {
                throw new WavFormatException("file ends inside a chunk header at byte " + position);
            }
            String id = chunkId(header);
            long size = u32(header, 4);
            if (id.equals("fmt ")) {
                fmt = readFmt(size);
            } else if (id.equals("data")) {
                if (fmt == null) {
                    throw new WavFormatException("the data chunk comes before the fmt chunk");
                }
                this.format = fmt;
                this.dataBytes = size == UNKNOWN_LENGTH ? -1 : size;
                checkData(fileSize);
                this.remaining = dataBytes < 0 ? Long.MAX_VALUE : dataBytes;
                this.buffer = new byte[8192 - 8192 % fmt.blockAlign()];
                return;
            } else {
                skip(size + (size & 1), id);
            }
        }
    }

    /** Opens {@code file} and reads its header. */
    public static WavReader open(Path file) throws IOException {
        long size = Files.size(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            return new WavReader(in, size);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads the header from {@code in}; closing the reader closes the stream. */
    public static WavReader of(InputStream in) throws IOException {
        return new WavReader(in, -1);
    }

    public WavFormat format() {
        return format;
    }

    /** Frames (samples per channel) in the file, or -1 when its header says "to the end". */
    public long frames() {
        return dataBytes < 0 ? -1 : dataBytes / format.blockAlign();
    }

    /**
     * Reads up to {@code len} samples (whole frames, channels interleaved) into {@code out} from
     * {@code off} and returns how many it read, or -1 at the end of the audio.
     *
     * @throws WavFormatException when the file ends before the data chunk does
     * @throws IllegalArgumentException when {@code len} is less than one frame
     */
    public int read(short[] out, int off, int len) throws IOException {
        int channels = format.channels();
        if (len < channels) {
            throw new IllegalArgumentException("read of " + len + " samples: less than one frame of " + channels);
        }
        if (remaining == 0) {
            return -1;
        }
        int bytesPerSample = format.encoding().bytesPerSample();
        long wanted = Math.min((long) (len / channels) * channels * bytesPerSample, remaining);
        int samples = 0;
        while (wanted > 0) {
            int chunk = (int) Math.min(wanted, buffer.length);
            int got = readFully(buffer, 0, chunk);
            if (got < chunk) {
                if (dataBytes >= 0) {
                    throw new WavFormatException("file is truncated: it ends after " + (dataBytes - remaining + got)
                            + " of the " + dataBytes + " bytes its data chunk declares");
                }
                got -= got % format.blockAlign();
                decode(buffer, got, out, off + samples);
                samples += got / bytesPerSample;
                remaining = 0;
                break;
            }
            decode(buffer, chunk, out, off + samples);
            samples += chunk / bytesPerSample;
            wanted -= chunk;
            remaining -= chunk;
        }
        return samples == 0 && remaining == 0 ? -1 : samples;
    }

    /**
     * Reads all the remaining audio (a convenience for prompts and tests; it allocates). The array
     * grows with what is actually read, so a header that lies about its size cannot make it allocate
     * gigabytes.
     */
    public short[] readAll() throws IOException {
        int channels = format.channels();
        long declared = dataBytes < 0 ? -1 : remaining / format.encoding().bytesPerSample();
        if (declared > Integer.MAX_VALUE - 16) {
            throw new WavFormatException("audio of " + declared + " samples is too long to read at once");
        }
        int initial = declared < 0 ? 1 << 16 : (int) Math.min(declared, 1 << 16);
        short[] all = new short[Math.max(initial, channels)];
        int n = 0;
        while (true) {
            if (all.length - n < channels) {
                all = Arrays.copyOf(all, (int) Math.min(Integer.MAX_VALUE - 16, 2L * all.length));
            }
            int got = read(all, n, all.length - n);
            if (got < 0) {
                break;
            }
            n += got;
        }
        return Arrays.copyOf(all, n);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void decode(byte[] bytes, int length, short[] out, int off) {
        switch (format.encoding()) {
            case PCM_16 -> {
                for (int i = 0, o = off; i < length; i += 2, o++) {
                    out[o] = (short) ((bytes[i] & 0xFF) | bytes[i + 1] << 8);
                }
            }
            case PCM_8_UNSIGNED -> {
                for (int i = 0; i < length; i++) {
                    out[off + i] = (short) (((bytes[i] & 0xFF) - 128) << 8);
                }
            }
            case A_LAW -> {
                for (int i = 0; i < length; i++) {
                    out[off + i] = ALaw.decode(bytes[i]);
                }
            }
            case MU_LAW -> {
                for (int i = 0; i < length; i++) {
                    out[off + i] = MuLaw.decode(bytes[i]);
                }
            }
        }
    }

    private void expectRiffHeader() throws IOException {
        byte[] riff = new byte[12];
        int got = readFully(riff, 0, 12);
        if (got < 12) {
            throw new WavFormatException("not a WAV file: " + got + " bytes, too short for a RIFF header");
        }
        String magic = chunkId(riff);
        switch (magic) {
            case "RIFF" -> { }
            case "RIFX" -> throw new WavFormatException("big-endian RIFX files are not supported");
            case "RF64" -> throw new WavFormatException("RF64 (WAV over 4 GiB) files are not supported");
            default -> throw new WavFormatException("not a WAV file: it starts with \"" + magic + "\", not \"RIFF\"");
        }
        String type = new String(riff, 8, 4, StandardCharsets.ISO_8859_1);
        if (!type.equals("WAVE")) {
            throw new WavFormatException("not a WAV file: a RIFF file of type \"" + printable(riff, 8) + "\"");
        }
    }

    private WavFormat readFmt(long size) throws IOException {
        if (size < 16) {
            throw new WavFormatException("fmt chunk of " + size + " bytes: needs at least 16");
        }
        if (size > MAX_FMT_BYTES) {
            throw new WavFormatException("fmt chunk of " + size + " bytes: larger than any WAV format (" + MAX_FMT_BYTES + ")");
        }
        int padded = (int) (size + (size & 1));
        byte[] fmt = new byte[padded];
        int got = readFully(fmt, 0, padded);
        if (got < size) {
            throw new WavFormatException("file ends inside the fmt chunk");
        }
        int tag = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long rate = u32(fmt, 4);
        int blockAlign = u16(fmt, 12);
        int bits = u16(fmt, 14);
        if (tag == 0xFFFE) {
            if (size < 40 || u16(fmt, 16) < 22) {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size
                        + " bytes: needs 40 with a 22-byte extension");
            }
            if (!Arrays.equals(fmt, 26, 40, SUBTYPE_TAIL, 0, SUBTYPE_TAIL.length)) {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
            }
            tag = u16(fmt, 24);
        }
        WavEncoding encoding = encoding(tag, bits);
        if (channels == 0 || channels > WavFormat.MAX_CHANNELS) {
            throw new WavFormatException("fmt chunk says " + channels + " channels: must be 1.." + WavFormat.MAX_CHANNELS);
        }
        if (rate == 0 || rate > WavFormat.MAX_SAMPLE_RATE) {
            throw new WavFormatException("fmt chunk says " + rate + " samples per second: must be 1.."
                    + WavFormat.MAX_SAMPLE_RATE);
        }
        WavFormat format = new WavFormat(encoding, (int) rate, channels);
        if (blockAlign != format.blockAlign()) {
            throw new WavFormatException("fmt chunk is inconsistent: block align " + blockAlign + " for " + channels
                    + " channels of " + bits + " bits (expected " + format.blockAlign() + ")");
        }
        return format;
    }

    private static WavEncoding encoding(int tag, int bits) throws WavFormatException {
        switch (tag) {
            case 1 -> {
                if (bits == 16) {
                    return WavEncoding.PCM_16;
                }
                if (bits == 8) {
                    return WavEncoding.PCM_8_UNSIGNED;
                }
                throw new WavFormatException("PCM with " + bits + " bits per sample is not supported (8 or 16)");
            }
            case 6, 7 -> {
                if (bits != 8) {
                    throw new WavFormatException((tag == 6 ? "A-law" : "µ-law") + " with " + bits
                            + " bits per sample: G.711 has 8");
                }
                return tag == 6 ? WavEncoding.A_LAW : WavEncoding.MU_LAW;
            }
            default -> {
                String name = switch (tag) {
                    case 2 -> "Microsoft ADPCM";
                    case 3 -> "IEEE float";
                    case 0x11 -> "IMA ADPCM";
                    case 0x31 -> "GSM 6.10";
                    case 0x55 -> "MPEG layer 3";
                    default -> "unknown";
                };
                throw new WavFormatException(String.format("WAV encoding %s (format 0x%04X) is not supported: convert "
                        + "it to 16-bit PCM, A-law or µ-law (sox in.wav -e signed-integer -b 16 out.wav)", name, tag));
            }
        }
    }

    private void checkData(long fileSize) throws WavFormatException {
        int blockAlign = format.blockAlign();
        if (dataBytes < 0) {
            return;
        }
        if (dataBytes % blockAlign != 0) {
            throw new WavFormatException("data chunk of " + dataBytes + " bytes is not a whole number of "
                    + blockAlign + "-byte frames");
        }
        if (fileSize >= 0 && dataBytes > fileSize - position) {
            throw new WavFormatException("file is truncated: its data chunk declares " + dataBytes + " bytes but only "
                    + (fileSize - position) + " follow");
        }
    }

    private void skip(long bytes, String id) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new WavFormatException("file ends inside the \"" + id + "\" chunk, which declares "
                            + (bytes - (bytes & 1)) + " bytes");
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    /** Reads until {@code n} bytes or the end of the stream; returns how many it read. */
    private int readFully(byte[] into, int off, int n) throws IOException {
        int total = 0;
        while (total < n) {
            int got = in.read(into, off + total, n - total);
            if (got < 0) {
                break;
            }
            total += got;
        }
        position += total;
        return total;
    }

    private static String chunkId(byte[] header) {
        return printable(header, 0);
    }

    /** Four bytes as text, with anything unprintable shown as {@code \xNN} so messages stay readable. */
    private static String printable(byte[] bytes, int off) {
        StringBuilder text = new StringBuilder(4);
        for (int i = off; i < off + 4; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02X", c));
            }
        }
        return text.toString();
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}
