package org.switchboard.store.voicemail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.GreetingRepository;
import org.switchboard.store.Database;

/** Recorded greetings in table {@code greeting}; a row whose kind is not known is skipped with a warning. */
public final class SqlGreetingRepository implements GreetingRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlGreetingRepository.class);
    private static final String ORDER = " ORDER BY mailbox, CASE WHEN kind LIKE 'custom-%' THEN 1 ELSE 0 END, kind";

    private final Database db;

    public SqlGreetingRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void put(Greeting g) {
        Objects.requireNonNull(g, "greeting");
        db.write(c -> {
            MailboxRows.ensure(c, g.mailbox(), g.recordedAt());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO greeting (mailbox, kind, recorded_at, duration_ms) VALUES (?, ?, ?, ?)
                    ON CONFLICT (mailbox, kind) DO UPDATE SET recorded_at = excluded.recorded_at,
                        duration_ms = excluded.duration_ms""")) {
                ps.setString(1, g.mailbox());
                ps.setString(2, g.kind().stem());
                ps.setLong(3, g.recordedAt().toEpochMilli());
                ps.setLong(4, g.duration().toMillis());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(String mailbox, GreetingKind kind) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM greeting WHERE mailbox = ? AND kind = ?")) {
                ps.setString(1, mailbox);
                ps.setString(2, kind.stem());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Greeting> list(String mailbox) {
        return query("SELECT mailbox, kind, recorded_at, duration_ms FROM greeting WHERE mailbox = ?" + ORDER, mailbox);
    }

    @Override
    public List<Greeting> all() {
        return query("SELECT mailbox, kind, recorded_at, duration_ms FROM greeting" + ORDER, null);
    }

    private List<Greeting> query(String sql, String mailbox) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (mailbox != null) ps.setString(1, mailbox);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Greeting> out = new ArrayList<>();
                    while (rs.next()) greeting(rs).ifPresent(out::add);
                    return List.copyOf(out);
                }
            }
        });
    }

    private static Optional<Greeting> greeting(ResultSet rs) throws SQLException {
        String mailbox = rs.getString("mailbox");
        String kind = rs.getString("kind");
        Optional<GreetingKind> parsed = GreetingKind.parse(kind);
        if (parsed.isEmpty()) {
            LOG.warn("Skipping greeting '{}' of mailbox {}: unknown kind", kind, mailbox);
            return Optional.empty();
        }
        return Optional.of(new Greeting(mailbox, parsed.get(), Instant.ofEpochMilli(rs.getLong("recorded_at")),
                MailboxRows.duration(rs, "duration_ms")));
    }
}
