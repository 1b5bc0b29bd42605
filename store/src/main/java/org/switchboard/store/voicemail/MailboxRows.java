package org.switchboard.store.voicemail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SQL shared by the voicemail repositories: the implicit mailbox row, nullable columns. */
final class MailboxRows {
    private MailboxRows() { }

    /** Writes the mailbox's row with the defaults when it has none, so greetings and messages can refer to it. */
    static void ensure(Connection c, String number, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mailbox (number, created_at) VALUES (?, ?) ON CONFLICT (number) DO NOTHING")) {
            ps.setString(1, number);
            ps.setLong(2, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void setMillis(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) ps.setLong(index, at.get().toEpochMilli());
        else ps.setNull(index, Types.BIGINT);
    }

    static void setText(PreparedStatement ps, int index, Optional<String> text) throws SQLException {
        if (text.isPresent()) ps.setString(index, text.get());
        else ps.setNull(index, Types.VARCHAR);
    }

    static Optional<Instant> millis(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    static Duration duration(ResultSet rs, String column) throws SQLException {
        return Duration.ofMillis(rs.getLong(column));
    }
}
