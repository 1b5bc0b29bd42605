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
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.MessageRepository;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import org.switchboard.store.Database;

/**
 * The message index in table {@code voicemail_message}. Inserting a message writes its mailbox's
 * row first when there is none, in the same transaction. Counts come from the index by folder.
 * A row that cannot be read back (an unknown folder, a bad id) is skipped with a warning.
 */
public final class SqlMessageRepository implements MessageRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlMessageRepository.class);
    private static final String COLUMNS = "id, mailbox, folder, caller_number, caller_name, received_at, duration_ms";

    private final Database db;

    public SqlMessageRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean insert(VoicemailMessage m) {
        Objects.requireNonNull(m, "message");
        return db.write(c -> {
            MailboxRows.ensure(c, m.mailbox(), m.receivedAt());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO voicemail_message (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, m.id());
                ps.setString(2, m.mailbox());
                ps.setString(3, m.folder().name());
                ps.setString(4, m.caller().number());
                ps.setString(5, m.caller().name());
                ps.setLong(6, m.receivedAt().toEpochMilli());
                ps.setLong(7, m.duration().toMillis());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<VoicemailMessage> find(String mailbox, String id) {
        return query("SELECT " + COLUMNS + " FROM voicemail_message WHERE mailbox = ? AND id = ?", mailbox, id)
                .stream().findFirst();
    }

    @Override
    public List<VoicemailMessage> list(String mailbox) {
        return query("SELECT " + COLUMNS + " FROM voicemail_message WHERE mailbox = ? ORDER BY received_at, id", mailbox);
    }

    @Override
    public boolean move(String mailbox, String id, Folder folder) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE voicemail_message SET folder = ? WHERE mailbox = ? AND id = ?")) {
                ps.setString(1, folder.name());
                ps.setString(2, mailbox);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String mailbox, String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM voicemail_message WHERE mailbox = ? AND id = ?")) {
                ps.setString(1, mailbox);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public MessageCounts counts(String mailbox) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT folder, COUNT(*) FROM voicemail_message WHERE mailbox = ? GROUP BY folder")) {
                ps.setString(1, mailbox);
                int fresh = 0;
                int old = 0;
                int saved = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(2);
                        switch (Folder.parse(rs.getString(1)).orElse(Folder.OLD)) {
                            case NEW -> fresh += n;
                            case OLD -> old += n;
                            case SAVED -> saved += n;
                        }
                    }
                }
                return new MessageCounts(fresh, old, saved);
            }
        });
    }

    @Override
    public List<VoicemailMessage> all() {
        return query("SELECT " + COLUMNS + " FROM voicemail_message ORDER BY mailbox, received_at, id");
    }

    private List<VoicemailMessage> query(String sql, String... parameters) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) ps.setString(i + 1, parameters[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    List<VoicemailMessage> out = new ArrayList<>();
                    while (rs.next()) message(rs).ifPresent(out::add);
                    return List.copyOf(out);
                }
            }
        });
    }

    private static Optional<VoicemailMessage> message(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            return Optional.of(new VoicemailMessage(id, rs.getString("mailbox"),
                    Folder.parse(rs.getString("folder")).orElseThrow(() -> new IllegalArgumentException("unknown folder")),
                    new Caller(rs.getString("caller_number"), rs.getString("caller_name")),
                    Instant.ofEpochMilli(rs.getLong("received_at")), MailboxRows.duration(rs, "duration_ms")));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipping stored voicemail message {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
