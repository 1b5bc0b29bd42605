package org.switchboard.pbx.voicemail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestClock;
import org.switchboard.pbx.voicemail.TestWav;

/**
 * A crash at each step of a message's life, then {@link MessageStore#recover()} as at the next
 * start: no half message is ever indexed, no committed message is lost, no deleted one returns.
 */
class MessageStoreRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Caller ALICE = new Caller("1001", "Alice");

    @TempDir Path root;
    private final MemoryMessageRepository index = new MemoryMessageRepository();
    private final TestClock clock = new TestClock(NOW);

    private MessageStore store(MessageRepository repository) {
        return new MessageStore(root, repository, MessageLimits.DEFAULT, clock, new SplittableRandom(3));
    }

    private static MessageDraft begin(MessageStore store) throws IOException {
        return ((MessageStore.Begun.Recording) store.begin("1002", ALICE)).draft();
    }

    private VoicemailMessage leave(MessageStore store, Duration length) throws IOException {
        try (MessageDraft draft = begin(store)) {
            draft.output().write(TestWav.ulaw(length));
            return ((MessageDraft.Committed.Stored) draft.commit()).message();
        }
    }

    @Test
    void crashWhileRecordingLeavesNoHalfMessage() throws Exception {
        MessageDraft abandoned = begin(store(index));
        abandoned.output().write(TestWav.ulaw(Duration.ofSeconds(5)), 0, 20_000);
        // the process dies here: the draft is never committed nor discarded

        MessageStore restarted = store(index);
        List<VoicemailMessage> announced = new ArrayList<>();
        restarted.addArrivalListener(announced::add);
        assertThat(restarted.recover()).isEqualTo(new RecoveryReport(1, 0, 0));
        assertThat(Files.list(root.resolve("1002"))).isEmpty();
        assertThat(restarted.list("1002")).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void crashBetweenRenameAndIndexLosesNoMessage() throws Exception {
        MessageRepository failing = new MemoryMessageRepository() {
            @Override public boolean insert(VoicemailMessage message) {
                throw new IllegalStateException("power cut");
            }
        };
        MessageDraft draft = begin(store(failing));
        draft.output().write(TestWav.ulaw(Duration.ofMillis(3300)));
        assertThatThrownBy(draft::commit).hasMessage("power cut");
        String id = draft.id();
        assertThat(root.resolve("1002").resolve(id + ".wav")).as("durable before the index").exists();

        MessageStore restarted = store(index);
        List<VoicemailMessage> announced = new ArrayList<>();
        List<MessageCounts> counted = new ArrayList<>();
        restarted.addArrivalListener(announced::add);
        restarted.addCountsListener((mailbox, c) -> counted.add(c));
        assertThat(restarted.recover()).isEqualTo(new RecoveryReport(0, 1, 0));

        VoicemailMessage found = restarted.find("1002", id).orElseThrow();
        assertThat(found.folder()).isEqualTo(Folder.NEW);
        assertThat(found.duration()).isEqualTo(Duration.ofMillis(3300));
        assertThat(found.receivedAt()).isEqualTo(NOW);
        assertThat(found.caller()).as("the caller was only in memory").isEqualTo(Caller.UNKNOWN);
        assertThat(announced).as("its e-mail still goes out").containsExactly(found);
        assertThat(counted).containsExactly(new MessageCounts(1, 0, 0));
    }

    @Test
    void crashDuringDeletionNeverBringsTheMessageBack() throws Exception {
        MessageStore store = store(index);
        VoicemailMessage deleted = leave(store, Duration.ofSeconds(2));
        Files.delete(store.file(deleted));
        // the process dies before the row is removed

        MessageStore restarted = store(index);
        assertThat(restarted.recover()).isEqualTo(new RecoveryReport(0, 0, 1));
        assertThat(restarted.list("1002")).isEmpty();
        assertThat(restarted.counts("1002")).isEqualTo(MessageCounts.EMPTY);
    }

    @Test
    void committedMessagesSurviveRecoveryUntouchedAndForeignFilesAreLeftAlone() throws Exception {
        MessageStore store = store(index);
        VoicemailMessage first = leave(store, Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(10));
        VoicemailMessage second = leave(store, Duration.ofSeconds(4));
        store.markHeard("1002", first.id());
        Files.writeString(root.resolve("1002/notes.txt"), "the administrator's own file");
        Files.createDirectories(root.resolve("lost+found"));

        MessageStore restarted = store(index);
        assertThat(restarted.recover().clean()).isTrue();
        assertThat(restarted.list("1002")).containsExactly(first.inFolder(Folder.OLD), second);
        assertThat(root.resolve("1002/notes.txt")).exists();
        assertThat(restarted.recover().clean()).as("idempotent").isTrue();
    }

    @Test
    void aStoreWithoutDirectoryRecoversNothing() throws Exception {
        MessageStore store = new MessageStore(root.resolve("never-created"), index, MessageLimits.DEFAULT, clock,
                new SplittableRandom(1));
        assertThat(store.recover().clean()).isTrue();
    }
}
