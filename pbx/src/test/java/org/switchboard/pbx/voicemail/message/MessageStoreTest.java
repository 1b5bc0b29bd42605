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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestClock;
import org.switchboard.pbx.voicemail.TestWav;

class MessageStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00.123Z");
    private static final Caller ALICE = new Caller("1001", "Alice");

    @TempDir Path root;
    private final MemoryMessageRepository index = new MemoryMessageRepository();
    private final TestClock clock = new TestClock(NOW);
    private final List<String> counts = new ArrayList<>();
    private final List<VoicemailMessage> arrivals = new ArrayList<>();
    private MessageStore store;

    @BeforeEach
    void open() {
        store = new MessageStore(root, index, new MessageLimits(Duration.ofSeconds(1), 3), clock, new SplittableRandom(7));
        store.addCountsListener((mailbox, c) -> counts.add(mailbox + " " + c.newMessages() + "/" + c.oldMessages() + "/"
                + c.savedMessages()));
        store.addArrivalListener(arrivals::add);
    }

    private MessageDraft.Committed leave(String mailbox, Caller caller, Duration length) throws IOException {
        MessageStore.Begun begun = store.begin(mailbox, caller);
        assertThat(begun).isInstanceOf(MessageStore.Begun.Recording.class);
        try (MessageDraft draft = ((MessageStore.Begun.Recording) begun).draft()) {
            draft.output().write(TestWav.ulaw(length));
            return draft.commit();
        }
    }

    private VoicemailMessage stored(MessageDraft.Committed committed) {
        assertThat(committed).isInstanceOf(MessageDraft.Committed.Stored.class);
        return ((MessageDraft.Committed.Stored) committed).message();
    }

    @Test
    void aCommittedMessageIsOnDiskIndexedCountedAndAnnounced() throws Exception {
        VoicemailMessage m = stored(leave("1002", ALICE, Duration.ofMillis(4200)));
        assertThat(m.mailbox()).isEqualTo("1002");
        assertThat(m.folder()).isEqualTo(Folder.NEW);
        assertThat(m.caller()).isEqualTo(ALICE);
        assertThat(m.receivedAt()).isEqualTo(NOW);
        assertThat(m.duration()).isEqualTo(Duration.ofMillis(4200));
        assertThat(m.id()).startsWith("20260302T090000123Z-");
        assertThat(store.file(m)).isEqualTo(root.resolve("1002").resolve(m.id() + ".wav"));
        assertThat(Files.readAllBytes(store.file(m))).isEqualTo(TestWav.ulaw(Duration.ofMillis(4200)));
        assertThat(Files.list(root.resolve("1002"))).containsExactly(store.file(m));
        assertThat(store.list("1002")).containsExactly(m);
        assertThat(store.counts("1002")).isEqualTo(new MessageCounts(1, 0, 0));
        assertThat(counts).containsExactly("1002 1/0/0");
        assertThat(arrivals).containsExactly(m);
    }

    @Test
    void nothingIsVisibleBeforeTheCommitAndADiscardLeavesNoTrace() throws Exception {
        MessageDraft draft = ((MessageStore.Begun.Recording) store.begin("1002", ALICE)).draft();
        draft.output().write(TestWav.ulaw(Duration.ofSeconds(3)));
        assertThat(store.list("1002")).isEmpty();
        assertThat(Files.list(root.resolve("1002")).map(p -> p.getFileName().toString()))
                .singleElement().asString().endsWith(".wav.tmp");
        draft.discard();
        assertThat(Files.list(root.resolve("1002"))).isEmpty();
        assertThat(counts).isEmpty();
        assertThat(arrivals).isEmpty();
    }

    @Test
    void aRecordingShorterThanTheMinimumIsDiscarded() throws Exception {
        assertThat(leave("1002", ALICE, Duration.ofMillis(900)))
                .isEqualTo(new MessageDraft.Committed.TooShort(Duration.ofMillis(900)));
        assertThat(store.list("1002")).isEmpty();
        assertThat(Files.list(root.resolve("1002"))).isEmpty();
        assertThat(arrivals).isEmpty();
    }

    @Test
    void aRecordingThatIsNotAWavFileIsRefusedClearly() throws Exception {
        MessageDraft draft = ((MessageStore.Begun.Recording) store.begin("1002", ALICE)).draft();
        draft.output().write("silence".getBytes());
        assertThatThrownBy(draft::commit).isInstanceOf(IOException.class).hasMessageContaining("not a WAV file");
        assertThat(Files.list(root.resolve("1002"))).isEmpty();
    }

    @Test
    void aFullMailboxTakesNoNewMessage() throws Exception {
        for (int i = 0; i < 3; i++) stored(leave("1002", ALICE, Duration.ofSeconds(2)));
        assertThat(store.begin("1002", ALICE)).isEqualTo(new MessageStore.Begun.MailboxFull(3));
        assertThat(store.begin("1003", ALICE)).as("other mailboxes are not affected")
                .isInstanceOf(MessageStore.Begun.Recording.class);
    }

    @Test
    void countsAreTrueAfterEveryChange() throws Exception {
        VoicemailMessage first = stored(leave("1002", ALICE, Duration.ofSeconds(2)));
        clock.advance(Duration.ofMinutes(1));
        VoicemailMessage second = stored(leave("1002", Caller.UNKNOWN, Duration.ofSeconds(3)));
        assertThat(store.markHeard("1002", first.id())).isTrue();
        assertThat(store.markHeard("1002", first.id())).as("already heard: nothing changes").isTrue();
        assertThat(store.move("1002", first.id(), Folder.SAVED)).isTrue();
        assertThat(store.move("1002", second.id(), Folder.OLD)).isTrue();
        assertThat(store.delete("1002", second.id())).isTrue();
        assertThat(store.delete("1002", second.id())).isFalse();
        assertThat(store.move("1002", second.id(), Folder.OLD)).isFalse();
        assertThat(counts).containsExactly("1002 1/0/0", "1002 2/0/0", "1002 1/1/0", "1002 1/0/1", "1002 0/1/1",
                "1002 0/0/1");
        assertThat(store.counts("1002").heard()).isEqualTo(1);
        assertThat(store.file(second)).doesNotExist();
        assertThat(store.list("1002")).containsExactly(first.inFolder(Folder.SAVED));
        assertThat(store.list("1002", Folder.SAVED)).hasSize(1);
        assertThat(store.list("1002", Folder.NEW)).isEmpty();
    }

    @Test
    void badNumbersAndIdsFindNothingAndThrowNothing() throws Exception {
        assertThat(store.list("x")).isEmpty();
        assertThat(store.find("1002", "../../etc/passwd")).isEmpty();
        assertThat(store.delete("1002", "../1001/x")).isFalse();
        assertThat(store.move("1002", "nope", Folder.OLD)).isFalse();
        assertThat(store.counts("")).isEqualTo(MessageCounts.EMPTY);
        assertThatThrownBy(() -> store.begin("../x", ALICE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callerDetailsFromTheNetworkAreCleaned() {
        Caller c = new Caller(" +41 44 555\r\n", "A".repeat(300));
        assertThat(c.number()).isEqualTo("+41 44 555");
        assertThat(c.name()).hasSize(Caller.MAX_NAME);
        assertThat(MessageId.isValid("20260302T090000123Z-0a1b2c3d")).isTrue();
        assertThat(MessageId.receivedAt("20260302T090000123Z-0a1b2c3d")).contains(NOW);
        assertThat(MessageId.isValid("20261302T090000123Z-0a1b2c3d")).isFalse();
    }
}
