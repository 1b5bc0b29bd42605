package org.switchboard.store.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import org.switchboard.store.Database;

class SqlMessageRepositoryTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir Path dataDir;
    private Database db;
    private SqlMessageRepository messages;
    private SqlGreetingRepository greetings;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        messages = new SqlMessageRepository(db);
        greetings = new SqlGreetingRepository(db);
    }

    @AfterEach
    void close() { db.close(); }

    private static VoicemailMessage message(String mailbox, int second, String suffix) {
        return new VoicemailMessage("20260302T0900" + String.format("%02d", second) + "000Z-" + suffix, mailbox, Folder.NEW,
                new Caller("1001", "Alice"), T.plusSeconds(second), Duration.ofMillis(4200 + second));
    }

    @Test
    void messagesAreIndexedListedInOrderMovedAndDeleted() {
        VoicemailMessage second = message("1002", 20, "0000000b");
        VoicemailMessage first = message("1002", 10, "0000000a");
        VoicemailMessage other = message("1003", 15, "0000000c");
        assertThat(messages.insert(second)).isTrue();
        assertThat(messages.insert(first)).isTrue();
        assertThat(messages.insert(other)).isTrue();
        assertThat(messages.insert(first)).as("an id is indexed once").isFalse();

        assertThat(messages.list("1002")).containsExactly(first, second);
        assertThat(messages.find("1002", first.id())).contains(first);
        assertThat(messages.find("1003", first.id())).as("another mailbox's message").isEmpty();
        assertThat(messages.all()).containsExactly(first, second, other);
        assertThat(messages.counts("1002")).isEqualTo(new MessageCounts(2, 0, 0));

        assertThat(messages.move("1002", first.id(), Folder.OLD)).isTrue();
        assertThat(messages.move("1002", second.id(), Folder.SAVED)).isTrue();
        assertThat(messages.move("1003", first.id(), Folder.SAVED)).isFalse();
        assertThat(messages.counts("1002")).isEqualTo(new MessageCounts(0, 1, 1));
        assertThat(messages.find("1002", second.id()).orElseThrow().folder()).isEqualTo(Folder.SAVED);

        assertThat(messages.delete("1002", first.id())).isTrue();
        assertThat(messages.delete("1002", first.id())).isFalse();
        assertThat(messages.list("1002")).containsExactly(second.inFolder(Folder.SAVED));
        assertThat(messages.counts("4711")).isEqualTo(MessageCounts.EMPTY);
    }

    @Test
    void aMessageOrGreetingCreatesItsMailboxWithDefaults() {
        messages.insert(message("1002", 10, "0000000a"));
        greetings.put(new Greeting("1004", GreetingKind.BUSY, T, Duration.ofSeconds(3)));
        SqlMailboxRepository mailboxes = new SqlMailboxRepository(db, Clock.systemUTC());
        assertThat(mailboxes.find("1002")).contains(Mailbox.fresh("1002"));
        assertThat(mailboxes.find("1004")).contains(Mailbox.fresh("1004"));
    }

    @Test
    void greetingsAreReplacedListedStandardFirstAndRemoved() {
        Greeting holiday = new Greeting("1002", new GreetingKind.Custom("holiday"), T, Duration.ofSeconds(8));
        Greeting busy = new Greeting("1002", GreetingKind.BUSY, T, Duration.ofSeconds(3));
        Greeting unavailable = new Greeting("1002", GreetingKind.UNAVAILABLE, T, Duration.ofSeconds(4));
        greetings.put(holiday);
        greetings.put(busy);
        greetings.put(unavailable);
        Greeting newBusy = new Greeting("1002", GreetingKind.BUSY, T.plusSeconds(60), Duration.ofSeconds(5));
        greetings.put(newBusy);
        assertThat(greetings.list("1002")).containsExactly(newBusy, unavailable, holiday);
        assertThat(greetings.remove("1002", GreetingKind.BUSY)).isTrue();
        assertThat(greetings.remove("1002", GreetingKind.BUSY)).isFalse();
        assertThat(greetings.all()).containsExactly(unavailable, holiday);
    }

    @Test
    void rowsThatCannotBeReadAreSkipped() {
        messages.insert(message("1002", 10, "0000000a"));
        greetings.put(new Greeting("1002", GreetingKind.BUSY, T, Duration.ofSeconds(3)));
        db.write(c -> {
            try (PreparedStatement a = c.prepareStatement("UPDATE voicemail_message SET folder = 'TRASH'");
                 PreparedStatement b = c.prepareStatement("UPDATE greeting SET kind = 'jingle'")) {
                return a.executeUpdate() + b.executeUpdate();
            }
        });
        assertThat(messages.list("1002")).isEmpty();
        assertThat(greetings.list("1002")).isEmpty();
    }
}
