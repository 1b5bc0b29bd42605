package org.switchboard.store.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestWav;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageLimits;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.RecoveryReport;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import org.switchboard.store.Database;

/** The message store on the real database across a restart: files and rows stay one. */
class MessageStoreOnSqliteTest {
    @TempDir Path data;

    private static MessageStore store(Path data, Database db) {
        return new MessageStore(data.resolve("voicemail"), new SqlMessageRepository(db), MessageLimits.DEFAULT,
                Clock.systemUTC(), new SplittableRandom(9));
    }

    private static VoicemailMessage leave(MessageStore store) throws IOException {
        MessageDraft draft = ((MessageStore.Begun.Recording) store.begin("1002", new Caller("1001", "Alice"))).draft();
        draft.output().write(TestWav.ulaw(Duration.ofSeconds(2)));
        return ((MessageDraft.Committed.Stored) draft.commit()).message();
    }

    @Test
    void messagesSurviveARestartAndACrashLeftOverIsRepaired() throws Exception {
        VoicemailMessage kept;
        VoicemailMessage lost;
        try (Database db = Database.open(data)) {
            MessageStore store = store(data, db);
            kept = leave(store);
            lost = leave(store);
            store.move("1002", kept.id(), Folder.SAVED);
            Files.delete(store.file(lost));
            Files.write(data.resolve("voicemail/1002/20200101T090000000Z-0000abcd.wav"), TestWav.ulaw(Duration.ofSeconds(3)));
            Files.write(data.resolve("voicemail/1002/20200101T090500000Z-0000abce.wav.tmp"), new byte[100]);
        }
        try (Database db = Database.open(data)) {
            MessageStore store = store(data, db);
            assertThat(store.recover()).isEqualTo(new RecoveryReport(1, 1, 1));
            assertThat(store.list("1002")).extracting(VoicemailMessage::id, VoicemailMessage::folder).containsExactly(
                    tuple("20200101T090000000Z-0000abcd", Folder.NEW),
                    tuple(kept.id(), Folder.SAVED));
            assertThat(store.find("1002", kept.id()).orElseThrow().caller()).isEqualTo(new Caller("1001", "Alice"));
            assertThat(store.counts("1002").total()).isEqualTo(2);
        }
    }
}
