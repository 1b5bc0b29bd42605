package org.switchboard.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void ownerOnlyFilesReplaceTheOldContentAndLeaveNoTemporaryFile() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        AtomicFiles.writeOwnerOnly(file, "new".getBytes(StandardCharsets.US_ASCII));

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void privateDirectoriesAreCreatedOrTightened() throws Exception {
        Path fresh = dir.resolve("a/b/secrets");
        AtomicFiles.createPrivateDirectory(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");

        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        AtomicFiles.createPrivateDirectory(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }
}
