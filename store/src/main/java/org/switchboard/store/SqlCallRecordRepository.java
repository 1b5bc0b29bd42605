package org.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallRecordRepository;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;

/**
 * Call records in table {@code call_record} (migration V2), one row per call. Instants are
 * stored as epoch milliseconds (finer parts are dropped); enums by name; leg ids as one
 * comma-separated text.
 *
 * <p>{@link #insert} is a plain insert: a second record with the same id is an error, never a
 * silent overwrite of another call's record. {@link #update} replaces the row, or inserts it
 * when it is missing (its insert failed earlier), so a call's completion always lands.
 * {@link #recent} skips, with a warning, a row it cannot read back (an enum value from a newer
 * version).
 */
public final class SqlCallRecordRepository implements CallRecordRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlCallRecordRepository.class);

    private static final String COLUMNS = """
            id, caller, caller_name, callee, started_at, answered_at, ended_at, disposition, cause, hangup_side, leg_ids""";
    private static final String INSERT = "INSERT INTO call_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT = INSERT + """
             ON CONFLICT (id) DO UPDATE SET
                caller = excluded.caller, caller_name = excluded.caller_name, callee = excluded.callee,
                started_at = excluded.started_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
                disposition = excluded.disposition, cause = excluded.cause, hangup_side = excluded.hangup_side,
                leg_ids = excluded.leg_ids""";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM call_record ORDER BY started_at DESC, id DESC LIMIT ?";
    private static final String INTERRUPT = """
            UPDATE call_record
            SET ended_at = ?, disposition = CASE WHEN answered_at IS NULL THEN ? ELSE ? END, cause = ?, hangup_side = ?
            WHERE ended_at IS NULL""";

    private final Database db;

    public SqlCallRecordRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(CallRecord record) {
        write(INSERT, record);
    }

    @Override
    public void update(CallRecord record) {
        write(UPSERT, record);
    }

    private void write(String sql, CallRecord r) {
        Objects.requireNonNull(r, "record");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, r.id());
                ps.setString(2, r.caller());
                ps.setString(3, r.callerName());
                ps.setString(4, r.callee());
                ps.setLong(5, r.startedAt().toEpochMilli());
                setMillis(ps, 6, r.answeredAt());
                setMillis(ps, 7, r.endedAt());
                ps.setString(8, r.disposition() != null ? r.disposition().name() : null);
                ps.setString(9, r.cause() != null ? r.cause().name() : null);
                ps.setString(10, r.hangupSide() != null ? r.hangupSide().name() : null);
                ps.setString(11, LegIds.join(r.legIds()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<CallRecord> recent(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<CallRecord> out = new ArrayList<>();
                    while (rs.next()) record(rs).ifPresent(out::add);
                    return List.copyOf(out);
                }
            }
        });
    }

    @Override
    public int interruptOpen(Instant now) {
        Objects.requireNonNull(now, "now");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INTERRUPT)) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, Disposition.FAILED.name());
                ps.setString(3, Disposition.ANSWERED.name());
                ps.setString(4, HangupCause.INTERRUPTED.name());
                ps.setString(5, HangupSide.SYSTEM.name());
                return ps.executeUpdate();
            }
        });
    }

    private static void setMillis(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, at.toEpochMilli());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Optional<CallRecord> record(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            String disposition = rs.getString("disposition");
            String cause = rs.getString("cause");
            String side = rs.getString("hangup_side");
            return Optional.of(new CallRecord(id, rs.getString("caller"), rs.getString("caller_name"),
                    rs.getString("callee"), Instant.ofEpochMilli(rs.getLong("started_at")), instant(rs, "answered_at"),
                    instant(rs, "ended_at"),
                    disposition != null ? Disposition.parse(disposition) : null,
                    cause != null ? HangupCause.valueOf(cause) : null,
                    side != null ? HangupSide.valueOf(side) : null,
                    LegIds.split(rs.getString("leg_ids"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping stored call record {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /** Leg ids in one column: comma-separated, with {@code %} and {@code ,} inside an id %-escaped. */
    static final class LegIds {
        private LegIds() { }

        static String join(List<String> ids) {
            StringBuilder out = new StringBuilder();
            for (String id : ids) {
                if (!out.isEmpty()) out.append(',');
                out.append(id.replace("%", "%25").replace(",", "%2C"));
            }
            return out.toString();
        }

        static List<String> split(String text) {
            if (text == null || text.isEmpty()) return List.of();
            List<String> ids = new ArrayList<>();
            for (String part : text.split(",", -1)) ids.add(part.replace("%2C", ",").replace("%25", "%"));
            return List.copyOf(ids);
        }
    }
}
