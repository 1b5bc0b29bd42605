package org.switchboard.app.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files that matter (keys, certificates, the admin token) so that a crash never leaves
 * a half-written one and a secret is never readable by others, not even for an instant: the
 * content goes to a temporary file created with its final permissions, is fsynced, then renamed
 * over the target atomically.
 */
public final class AtomicFiles {
    /** {@code rw-------}: private keys and tokens. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** {@code rw-r--r--}: certificates and other public files. */
    public static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() { }

    /** Creates {@code dir} (and parents) if missing and makes it {@code rwx------}. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw new IOException(dir + " exists and is not a directory");
        }
        Files.setPosixFilePermissions(dir, PRIVATE_DIRECTORY);
    }

    /** Atomically replaces {@code file} with {@code content}, readable by the owner only. */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        write(file, content, OWNER_ONLY);
    }

    /** Atomically replaces {@code file} with {@code content}, readable by everyone. */
    public static void writeReadable(Path file, byte[] content) throws IOException {
        write(file, content, READABLE);
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileAttribute<?>[] attributes = posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            if (posix(dir)) Files.setPosixFilePermissions(temporary, permissions); // the umask may have narrowed them
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system lets a directory be opened; the rename itself is still atomic.
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
