package org.switchboard.pbx.voicemail.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftFileTest {
    @TempDir Path dir;

    @Test
    void theTargetAppearsOnlyAtCommitWithAllItsBytesAndPrivately() throws Exception {
        Path target = dir.resolve("message.wav");
        try (DraftFile draft = DraftFile.create(target)) {
            try (OutputStream out = draft.output()) {
                out.write("hello ".getBytes(StandardCharsets.US_ASCII));
                out.write('w');
                out.write("orld".getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(target).doesNotExist();
            assertThat(draft.temporary()).exists().hasFileName("message.wav.tmp");
            assertThat(draft.commit()).isEqualTo(target);
        }
        assertThat(Files.readString(target)).isEqualTo("hello world");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void aDiscardedOrAbandonedDraftLeavesNothingAndTheOldFileStays() throws Exception {
        Path target = dir.resolve("greeting.wav");
        Files.writeString(target, "old");
        DraftFile discarded = DraftFile.create(target);
        discarded.output().write("new".getBytes(StandardCharsets.US_ASCII));
        discarded.discard();
        try (DraftFile abandoned = DraftFile.create(target)) {
            abandoned.output().write("newer".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void aCommitReplacesTheOldFileWhole() throws Exception {
        Path target = dir.resolve("greeting.wav");
        Files.writeString(target, "a long old greeting");
        try (DraftFile draft = DraftFile.create(target)) {
            draft.output().write("new".getBytes(StandardCharsets.US_ASCII));
            draft.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void twoDraftsOfOneTargetAreRefusedAndTemporaryNamesAreRecognised() throws Exception {
        Path target = dir.resolve("x.wav");
        try (DraftFile first = DraftFile.create(target)) {
            assertThatThrownBy(() -> DraftFile.create(target)).isInstanceOf(FileAlreadyExistsException.class);
            assertThat(DraftFile.isTemporary(first.temporary())).isTrue();
            assertThat(DraftFile.isTemporary(target)).isFalse();
        }
    }

    @Test
    void privateDirectoriesAreOwnerOnly() throws Exception {
        Path mailbox = PrivateDirectory.create(dir.resolve("voicemail/1001/greetings"));
        assertThat(mailbox).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("voicemail"))))
                .isEqualTo("rwx------");
        assertThat(PrivateDirectory.create(mailbox)).isEqualTo(mailbox);
    }
}
