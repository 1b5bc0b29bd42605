package org.switchboard.store.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The 256-bit master key on disk: {@code secrets/master.key}, raw bytes, mode 0600 inside a
 * mode 0700 directory. Created on first start from {@link SecureRandom}, written to a temporary
 * file, fsynced and renamed into place so a crash never leaves a half key. An existing file
 * that others could read, or of the wrong size, is refused rather than repaired.
 */
final class MasterKeyFile {
    static final int KEY_BYTES = 32;
    static final String DIRECTORY = "secrets";
    static final String FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private MasterKeyFile() { }

    /** The key of {@code dataDir/secrets/master.key}, created when absent. */
    static byte[] loadOrCreate(Path dataDir, SecureRandom random) {
        Path dir = dataDir.resolve(DIRECTORY);
        Path file = dir.resolve(FILE_NAME);
        try {
            prepareDirectory(dir);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) create(file, random);
            return load(file);
        } catch (IOException e) {
            throw new MasterKeyException("cannot use master key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void prepareDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            if (posix(dir.getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // the umask may have removed bits
            } else {
                Files.createDirectory(dir);
            }
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new MasterKeyException(dir + " must be a directory (mode 0700)");
        }
        if (posix(dir)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!perms.equals(OWNER_ONLY_DIR)) {
                throw new MasterKeyException(dir + " has mode " + mode(perms)
                        + "; it must be 0700 (owner only): run chmod 700 " + dir);
            }
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Path dir = file.getParent();
        boolean posix = posix(dir);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + FILE_NAME + "-", ".tmp", attrs);
        byte[] key = new byte[KEY_BYTES];
        try {
            random.nextBytes(key);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(key);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically in " + dir, e);
            }
            syncDirectory(dir);
        } finally {
            Arrays.fill(key, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] load(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new MasterKeyException(file + " must be a regular file (mode 0600)");
        }
        if (posix(file)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!perms.contains(PosixFilePermission.OWNER_READ)) {
                throw new MasterKeyException(file + " is not readable by its owner (mode " + mode(perms)
                        + "); it must be 0600: run chmod 600 " + file);
            }
            if (!OWNER_ONLY_FILE.containsAll(perms)) {
                throw new MasterKeyException(file + " has mode " + mode(perms)
                        + ", so others may read it; it must be 0600: run chmod 600 " + file);
            }
        }
        long size = Files.size(file);
        if (size != KEY_BYTES) {
            throw new MasterKeyException(file + " is " + size + " bytes, a master key is " + KEY_BYTES
                    + "; restore the original file from a backup");
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new MasterKeyException(file + " changed while it was read");
        }
        return key;
    }

    /** Makes the rename durable (POSIX: the directory entry lives in the directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can fsync a directory; the file itself is already synced
        }
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    private static String mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) m |= 1 << (8 - p.ordinal());
        return String.format("%04o", m);
    }
}
