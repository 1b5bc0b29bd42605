package org.switchboard.store.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.PinHash;
import org.switchboard.store.Database;

class SqlMailboxRepositoryTest {
    @TempDir Path dataDir;
    private Database db;
    private SqlMailboxRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        repo = new SqlMailboxRepository(db, Clock.systemUTC());
    }

    @AfterEach
    void close() { db.close(); }

    private static WeeklySchedule schedule(String text) {
        return ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse(text)).schedule();
    }

    @Test
    void aMailboxRoundTripsWithEverySetting() {
        assertThat(repo.find("1002")).isEmpty();
        Mailbox full = new Mailbox("1002", Optional.of(PinHash.of("2580", new SecureRandom(), 1000)),
                Optional.of("dr@praxis.ch"), EmailMode.ATTACH_DELETE, Optional.of(MailboxLanguage.DE),
                new GreetingChoice(Optional.of("holiday"), Optional.of(Instant.parse("2026-08-01T06:00:00Z")),
                        schedule("closed sat-sun; lunch mon-fri 12:00-13:30")));
        repo.save(full);
        Mailbox read = repo.find("1002").orElseThrow();
        assertThat(read).isEqualTo(full);
        assertThat(read.pin().orElseThrow().matches("2580")).isTrue();

        Mailbox plain = Mailbox.fresh("1002").withEmailMode(EmailMode.NOTIFY);
        repo.save(plain);
        assertThat(repo.find("1002")).as("a save replaces every setting").contains(plain);
        assertThat(repo.find("x")).isEmpty();
    }

    @Test
    void thePinIsNeverInTheDatabaseInClear() {
        repo.save(Mailbox.fresh("1002").withPin(Optional.of(PinHash.of("2580", new SecureRandom(), 1000))));
        String stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pin_hash FROM mailbox WHERE number = '1002'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("2580");
    }

    @Test
    void valuesEditedByHandReadAsDefaults() {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO mailbox (number, pin_hash, email_mode, language, active_greeting, schedule, created_at)
                    VALUES ('1003', 'letmein', 'fax', 'it', 'Not Valid', 'closed weekend', 0)""")) {
                return ps.executeUpdate();
            }
        });
        Mailbox read = repo.find("1003").orElseThrow();
        assertThat(read.hasPin()).isFalse();
        assertThat(read.emailMode()).isEqualTo(EmailMode.DEFAULT);
        assertThat(read.language()).isEmpty();
        assertThat(read.greetings()).isEqualTo(GreetingChoice.STANDARD);
    }
}
