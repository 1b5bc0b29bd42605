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
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.delivery.DeliveryRepository;
import org.switchboard.pbx.voicemail.delivery.DeliveryState;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.store.Database;

/**
 * E-mail deliveries in table {@code mail_delivery}, one per message; the foreign key removes a
 * delivery with its message. {@link #pending()} reads the partial index of PENDING rows.
 */
public final class SqlDeliveryRepository implements DeliveryRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlDeliveryRepository.class);
    private static final String COLUMNS =
            "message_id, mailbox, address, mode, state, attempts, created_at, next_attempt_at, last_error, sent_at";

    private final Database db;

    public SqlDeliveryRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean insert(Delivery d) {
        Objects.requireNonNull(d, "delivery");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_delivery (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")) {
                ps.setString(1, d.messageId());
                ps.setString(2, d.mailbox());
                ps.setString(3, d.address());
                ps.setString(4, d.mode().word());
                ps.setString(5, d.state().name());
                ps.setInt(6, d.attempts());
                ps.setLong(7, d.createdAt().toEpochMilli());
                MailboxRows.setMillis(ps, 8, d.nextAttemptAt());
                MailboxRows.setText(ps, 9, d.lastError());
                MailboxRows.setMillis(ps, 10, d.sentAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean update(Delivery d) {
        Objects.requireNonNull(d, "delivery");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE mail_delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?
                    WHERE message_id = ?""")) {
                ps.setString(1, d.state().name());
                ps.setInt(2, d.attempts());
                MailboxRows.setMillis(ps, 3, d.nextAttemptAt());
                MailboxRows.setText(ps, 4, d.lastError());
                MailboxRows.setMillis(ps, 5, d.sentAt());
                ps.setString(6, d.messageId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Delivery> find(String messageId) {
        return query("SELECT " + COLUMNS + " FROM mail_delivery WHERE message_id = ?", messageId).stream().findFirst();
    }

    @Override
    public List<Delivery> pending() {
        return query("SELECT " + COLUMNS + " FROM mail_delivery WHERE state = 'PENDING' ORDER BY next_attempt_at, message_id");
    }

    @Override
    public List<Delivery> forMailbox(String mailbox) {
        return query("SELECT " + COLUMNS + " FROM mail_delivery WHERE mailbox = ? ORDER BY message_id", mailbox);
    }

    private List<Delivery> query(String sql, String... parameters) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) ps.setString(i + 1, parameters[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Delivery> out = new ArrayList<>();
                    while (rs.next()) delivery(rs).ifPresent(out::add);
                    return List.copyOf(out);
                }
            }
        });
    }

    private static Optional<Delivery> delivery(ResultSet rs) throws SQLException {
        String id = rs.getString("message_id");
        try {
            return Optional.of(new Delivery(id, rs.getString("mailbox"), rs.getString("address"),
                    EmailMode.parse(rs.getString("mode")).orElseThrow(() -> new IllegalArgumentException("unknown mode")),
                    DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                    Instant.ofEpochMilli(rs.getLong("created_at")), MailboxRows.millis(rs, "next_attempt_at"),
                    Optional.ofNullable(rs.getString("last_error")), MailboxRows.millis(rs, "sent_at")));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipping stored mail delivery of message {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
