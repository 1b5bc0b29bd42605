package org.switchboard.pbx.voicemail.file;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories of recordings: created {@code rwx------}, since voicemail is nobody else's business. */
public final class PrivateDirectory {
    private PrivateDirectory() { }

    /** Creates {@code dir} and missing parents, the new ones {@code rwx------}; an existing one is kept as it is. */
    public static Path create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return dir;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) create(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
        }
        return dir;
    }
}
