package org.switchboard.store.voicemail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxRepository;
import org.switchboard.pbx.voicemail.mailbox.PinHash;
import org.switchboard.store.Database;

/**
 * Mailboxes in table {@code mailbox}. The PIN column holds {@link PinHash#encoded()} only. A
 * value edited by hand that breaks a rule reads as the default, with a warning: an unreadable
 * PIN hash as no PIN (the mailbox can then be entered only from its own phone, which asks for a
 * new PIN), an unknown mode as {@link EmailMode#DEFAULT}, a bad schedule as none.
 */
public final class SqlMailboxRepository implements MailboxRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlMailboxRepository.class);
    private static final String UPSERT = """
            INSERT INTO mailbox (number, pin_hash, email, email_mode, language, active_greeting, temporary_until, schedule,
                created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (number) DO UPDATE SET pin_hash = excluded.pin_hash, email = excluded.email,
                email_mode = excluded.email_mode, language = excluded.language, active_greeting = excluded.active_greeting,
                temporary_until = excluded.temporary_until, schedule = excluded.schedule""";

    private final Database db;
    private final Clock clock;

    public SqlMailboxRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Mailbox> find(String number) {
        if (!ExtensionNumber.isValid(number)) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT pin_hash, email, email_mode, language, active_greeting, temporary_until, schedule
                    FROM mailbox WHERE number = ?""")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mailbox(number, rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(Mailbox m) {
        Objects.requireNonNull(m, "mailbox");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, m.number());
                MailboxRows.setText(ps, 2, m.pin().map(PinHash::encoded));
                MailboxRows.setText(ps, 3, m.email());
                ps.setString(4, m.emailMode().word());
                MailboxRows.setText(ps, 5, m.language().map(MailboxLanguage::tag));
                MailboxRows.setText(ps, 6, m.greetings().activeCustom());
                MailboxRows.setMillis(ps, 7, m.greetings().temporaryUntil());
                ps.setString(8, m.greetings().schedule().text());
                ps.setLong(9, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    private static Mailbox mailbox(String number, ResultSet rs) throws SQLException {
        String pinText = rs.getString("pin_hash");
        Optional<PinHash> pin = Optional.ofNullable(pinText).flatMap(PinHash::parse);
        if (pinText != null && pin.isEmpty()) {
            LOG.warn("Mailbox {}: the stored PIN hash is unreadable; the mailbox has no PIN until one is set", number);
        }
        String modeText = rs.getString("email_mode");
        EmailMode mode = EmailMode.parse(modeText).orElseGet(() -> {
            LOG.warn("Mailbox {}: unknown e-mail mode '{}' read as {}", number, modeText, EmailMode.DEFAULT.word());
            return EmailMode.DEFAULT;
        });
        String languageText = rs.getString("language");
        Optional<MailboxLanguage> language = Optional.ofNullable(languageText).flatMap(MailboxLanguage::parse);
        if (languageText != null && language.isEmpty()) {
            LOG.warn("Mailbox {}: unknown language '{}' read as the server default", number, languageText);
        }
        Optional<String> active = Optional.ofNullable(rs.getString("active_greeting"))
                .filter(GreetingKind.Custom::isValidName);
        WeeklySchedule schedule = switch (WeeklySchedule.parse(rs.getString("schedule"))) {
            case WeeklySchedule.Parsed.Ok ok -> ok.schedule();
            case WeeklySchedule.Parsed.Invalid invalid -> {
                LOG.warn("Mailbox {}: the stored greeting schedule is unreadable ({}); no schedule", number, invalid.problem());
                yield WeeklySchedule.NONE;
            }
        };
        Optional<String> email = Optional.ofNullable(rs.getString("email"));
        return new Mailbox(number, pin, email, mode, language,
                new GreetingChoice(active, MailboxRows.millis(rs, "temporary_until"), schedule));
    }
}
