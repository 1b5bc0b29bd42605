package org.switchboard.e2e.harness.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes WAV files of 16-bit linear PCM (RIFF/WAVE, format tag 1 or WAVE_FORMAT_EXTENSIBLE with the PCM
 * sub-format), the format baresip's {@code aufile}/{@code sndfile} modules and linphonec's {@code play}/{@code record}
 * use.
 *
 * <p>A recording that is still being written (or whose writer was killed) has a header that does not yet count its
 * data: {@link #read} then takes the data up to the end of the file, and {@link #isFinalised} tells the two apart.
 * Several channels are mixed down to one.
 */
public final class WavFile {
    private static final int HEADER_BYTES = 44;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** A file's sample layout, before any mixing down. */
    public record Format(int sampleRate, int channels) {
    }

    private record Parsed(Format format, Pcm16 pcm) {
    }

    private WavFile() {
    }

    /** Writes {@code pcm} as a mono 16-bit WAV file (canonical 44-byte header) and returns the file. */
    public static Path write(Path file, Pcm16 pcm) {
        byte[] data = pcm.littleEndianBytes();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(pcm.sampleRate()).putInt(pcm.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        out.put(ascii("data")).putInt(data.length).put(data);
        try {
            return Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a 16-bit PCM WAV file.
     *
     * @throws IllegalArgumentException when the file is not one (not RIFF/WAVE, another sample format, no data)
     */
    public static Pcm16 read(Path file) {
        return parse(file).pcm();
    }

    /**
     * The sample rate and channel count of a 16-bit PCM WAV file.
     *
     * @throws IllegalArgumentException when the file is not one
     */
    public static Format format(Path file) {
        return parse(file).format();
    }

    private static Parsed parse(Path file) {
        ByteBuffer in = ByteBuffer.wrap(bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 12 || !"RIFF".equals(fourCc(in)) || !"WAVE".equals(fourCc(in.position(8)))) {
            throw new IllegalArgumentException(file + " is not a RIFF/WAVE file");
        }
        int channels = 0;
        int sampleRate = 0;
        while (in.remaining() >= 8) {
            String id = fourCc(in);
            long size = Integer.toUnsignedLong(in.getInt());
            if (id.equals("fmt ")) {
                if (size < 16 || size > in.remaining()) {
                    throw new IllegalArgumentException(file + " has a broken fmt chunk");
                }
                int start = in.position();
                int format = Short.toUnsignedInt(in.getShort());
                channels = Short.toUnsignedInt(in.getShort());
                sampleRate = in.getInt();
                in.getInt();
                in.getShort();
                int bits = Short.toUnsignedInt(in.getShort());
                if (format == FORMAT_EXTENSIBLE && size >= 26) {
                    in.position(start + 24);
                    format = Short.toUnsignedInt(in.getShort());
                }
                if (format != FORMAT_PCM || bits != 16 || channels < 1 || sampleRate < 1) {
                    throw new IllegalArgumentException(file + " is not 16-bit linear PCM (format " + format + ", "
                            + bits + " bits, " + channels + " channels, " + sampleRate + " Hz)");
                }
                in.position(start + (int) size + (int) (size & 1));
            } else if (id.equals("data")) {
                if (channels == 0) {
                    throw new IllegalArgumentException(file + " has its data before its fmt chunk");
                }
                // A header not yet finalised counts 0 (or too much) data: take what the file holds.
                long available = in.remaining();
                long length = size == 0 || size > available ? available : size;
                return new Parsed(new Format(sampleRate, channels),
                        samples(in, (int) length, channels, sampleRate));
            } else {
                long skip = size + (size & 1);
                if (skip > in.remaining()) {
                    break;
                }
                in.position(in.position() + (int) skip);
            }
        }
        throw new IllegalArgumentException(file + " has no audio data");
    }

    /**
     * Whether the file's writer has closed it: its data chunk counts (at least) the bytes that follow. Phones write
     * the final sizes when the call's audio stream ends: until then baresip's libsndfile leaves the data size at 0 and
     * linphonec leaves the whole header zeroed; when closing, linphonec 5.1 counts its own 44-byte header in the data
     * size (and 32 bytes more in the RIFF size), hence "at least".
     */
    public static boolean isFinalised(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 12 || !"RIFF".equals(fourCc(in)) || !"WAVE".equals(fourCc(in.position(8)))) {
            return false;
        }
        while (in.remaining() >= 8) {
            String id = fourCc(in);
            long size = Integer.toUnsignedLong(in.getInt());
            if (id.equals("data")) {
                return size > 0 && size >= in.remaining();
            }
            long skip = size + (size & 1);
            if (skip > in.remaining()) {
                return false;
            }
            in.position(in.position() + (int) skip);
        }
        return false;
    }

    private static Pcm16 samples(ByteBuffer in, int byteLength, int channels, int sampleRate) {
        int frames = byteLength / (2 * channels);
        short[] mono = new short[frames];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort();
            }
            mono[f] = (short) (sum / channels);
        }
        return new Pcm16(sampleRate, mono);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String fourCc(ByteBuffer in) {
        if (in.remaining() < 4) {
            return "";
        }
        byte[] id = new byte[4];
        in.get(id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
