package org.switchboard.pbx.voicemail.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * A file being written under a temporary name ({@code TARGET.tmp}) beside its target, created
 * {@code rw-------} (recordings are private). {@link #commit()} makes it durable under its final
 * name: fsync the data, close, rename atomically, fsync the directory. Until then the target is
 * untouched; {@link #discard()} (or {@link #close()} without a commit) deletes the temporary file.
 * A crash at any step leaves either the old state or the new one plus, at worst, a {@code .tmp}
 * file that {@link #isTemporary} recognises for clean-up at the next start.
 *
 * <p>Not thread-safe: one writer (the recorder) owns a draft.
 */
public final class DraftFile implements AutoCloseable {
    /** Suffix of files still being written. */
    public static final String SUFFIX = ".tmp";

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean finished;

    private DraftFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Starts writing the file that will become {@code target}; its directory must exist.
     *
     * @throws FileAlreadyExistsException when a draft for the same target is already open
     */
    public static DraftFile create(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path temporary = target.resolveSibling(target.getFileName() + SUFFIX);
        FileChannel channel;
        try {
            channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        return new DraftFile(target, temporary, channel);
    }

    /** True for a name {@link #create} uses while writing. */
    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The channel to write to (a recorder may seek back to finish a WAV header). */
    public FileChannel channel() {
        return channel;
    }

    /** The same channel as a stream; closing the stream does not commit or discard. */
    public OutputStream output() {
        return new OutputStream() {
            @Override public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) channel.write(buffer);
            }
        };
    }

    /** The final name. */
    public Path target() {
        return target;
    }

    /** The name being written, for readers that check the content before the commit. */
    public Path temporary() {
        return temporary;
    }

    /** Bytes written so far. */
    public long size() throws IOException {
        return channel.size();
    }

    /**
     * fsync, close, rename over {@code target} atomically (replacing an older file), fsync the
     * directory. On failure the temporary file is deleted and the target keeps its old content.
     */
    public Path commit() throws IOException {
        if (finished) throw new IllegalStateException("draft " + temporary + " is already finished");
        finished = true;
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + temporary + " atomically: keep the data directory on one"
                        + " local file system", e);
            }
            syncDirectory(target.toAbsolutePath().getParent());
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly();
            throw e;
        }
    }

    /** Deletes the temporary file; nothing happens once committed or discarded. */
    public void discard() {
        if (finished) return;
        finished = true;
        deleteQuietly();
    }

    /** Discards the draft unless it was committed. */
    @Override
    public void close() {
        discard();
    }

    private void deleteQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted below either way
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a left-over .tmp file is removed at the next start
        }
    }

    /** Makes a rename in {@code dir} durable (Linux and macOS allow fsync on a directory opened for reading). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) throw e;
        }
    }
}
