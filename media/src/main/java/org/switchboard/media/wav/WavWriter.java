package org.switchboard.media.wav;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a 16-bit PCM WAV file (mono, or stereo with one call party per channel) durably: a
 * voicemail or a recording either exists complete under its name or not at all.
 *
 * <p>Samples go to a temporary file in the target's directory, named
 * {@code .NAME.HEX16.partial} (hidden, recognised by {@link #isTemporary}). {@link #commit()}
 * writes the final RIFF and data sizes into the header, forces the file to disk
 * ({@link FileChannel#force}), renames it atomically onto the target ({@code ATOMIC_MOVE}; an
 * existing target is replaced) and forces the directory, so the new name survives a power cut.
 * A reader of the target therefore never sees a half-written file. {@link #abort()}, or
 * {@link #close()} without a commit, deletes the temporary file; after a crash,
 * {@link #removeTemporaries} clears what was left (call it at start-up, before any writer runs).
 *
 * <p>Writes go through a reused buffer: nothing is allocated per frame. One thread at a time.
 * The RIFF sizes are 32-bit: a file holds at most 4 GiB (18 hours of 16 kHz stereo).
 */
public final class WavWriter implements Closeable {

    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.partial");
    private static final int HEADER_BYTES = 44;
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - (HEADER_BYTES - 8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temporary;
    private final int sampleRate;
    private final int channels;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(16384).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private State state = State.OPEN;

    private WavWriter(Path target, Path temporary, FileChannel channel, int sampleRate, int channels) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /**
     * Starts writing a file that will appear as {@code target} on {@link #commit()}.
     *
     * @param channels 1 (mono) or 2 (stereo: e.g. caller left, callee right)
     * @throws IllegalArgumentException for another channel count or a rate outside 1..384000
     * @throws IOException when the temporary file cannot be created (no such directory, no space, no rights)
     */
    public static WavWriter create(Path target, int sampleRate, int channels) throws IOException {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException(channels + " channels: a WavWriter writes mono or stereo");
        }
        new WavFormat(WavEncoding.PCM_16, sampleRate, channels);
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException(target + " is not a file path");
        }
        for (int attempt = 0; ; attempt++) {
            byte[] token = new byte[8];
            RANDOM.nextBytes(token);
            Path temporary = directory.resolve("." + absolute.getFileName() + "." + HexFormat.of().formatHex(token)
                    + ".partial");
            FileChannel channel;
            try {
                channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 2) {
                    throw e;
                }
                continue;
            }
            WavWriter writer = new WavWriter(absolute, temporary, channel, sampleRate, channels);
            try {
                writer.writeHeader(); // sizes 0 until the commit: a crash leaves an empty-looking file
                channel.position(HEADER_BYTES);
            } catch (IOException | RuntimeException e) {
                writer.abort();
                throw e;
            }
            return writer;
        }
    }

    /** Whether {@code file}'s name is that of a writer's temporary file. */
    public static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && TEMPORARY.matcher(name.toString()).matches();
    }

    /**
     * Deletes the temporary files that writers left in {@code directory} (a crash before commit or
     * abort) and returns them. Only for start-up: it would also delete the files of writers running now.
     */
    public static List<Path> removeTemporaries(Path directory) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, WavWriter::isTemporary)) {
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    /** Where the file will be once committed. */
    public Path target() {
        return target;
    }

    /** Where the samples are written until the commit. */
    public Path temporaryFile() {
        return temporary;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Frames written so far (samples per channel). */
    public long frames() {
        return (dataBytes + buffer.position()) / (2L * channels);
    }

    /**
     * Appends {@code len} samples of {@code pcm} from {@code off}; for stereo they are interleaved
     * (left, right, left...) and {@code len} must be even.
     */
    public void write(short[] pcm, int off, int len) throws IOException {
        checkOpen();
        if (len % channels != 0) {
            throw new IllegalArgumentException(len + " samples is not a whole number of " + channels + "-channel frames");
        }
        reserve(2L * len);
        for (int i = off; i < off + len; i++) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.putShort(pcm[i]);
        }
    }

    /**
     * Appends {@code frames} stereo frames, the left channel from {@code left} and the right from
     * {@code right} (a call recording: one party per channel).
     */
    public void writeStereo(short[] left, int leftOff, short[] right, int rightOff, int frames) throws IOException {
        checkOpen();
        if (channels != 2) {
            throw new IllegalStateException("writeStereo on a mono file");
        }
        reserve(4L * frames);
        for (int i = 0; i < frames; i++) {
            if (buffer.remaining() < 4) {
                drain();
            }
            buffer.putShort(left[leftOff + i]);
            buffer.putShort(right[rightOff + i]);
        }
    }

    /**
     * Makes the file appear, complete, under its target name: sizes, fsync, atomic rename, fsync of
     * the directory. On failure the temporary file is deleted and nothing appears.
     */
    public void commit() throws IOException {
        checkOpen();
        try {
            drain();
            writeHeader();
            channel.force(true);
            channel.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            state = State.COMMITTED;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        forceDirectory(target.getParent());
    }

    /** Gives up: deletes the temporary file. Idempotent; does nothing after a commit. */
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted below; nothing of it is kept
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // left for removeTemporaries at the next start
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the WAV writer for " + target + " is " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    private void reserve(long bytes) throws IOException {
        if (dataBytes + buffer.position() + bytes > MAX_DATA_BYTES) {
            throw new IOException("WAV file " + target + " would pass the 4 GiB limit of the format");
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        dataBytes += buffer.remaining();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = 2 * channels;
        header.put(ascii("RIFF")).putInt((int) (HEADER_BYTES - 8 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
        header.put(ascii("data")).putInt((int) dataBytes);
        header.flip();
        long at = 0;
        while (header.hasRemaining()) {
            at += channel.write(header, at);
        }
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }

    /** fsync of a directory makes a rename durable on Linux; where a directory cannot be opened, the move stands. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
        }
    }
}
