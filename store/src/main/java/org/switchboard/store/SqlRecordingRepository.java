package org.switchboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.RecordingQuery;
import org.switchboard.pbx.recording.RecordingRepository;
import org.switchboard.pbx.recording.Trigger;

/**
 * The recording index in table {@code recording} (migration V7), one row per stored file.
 * Instants as epoch milliseconds, the trigger as its word and extension. A row that cannot be
 * read back (a trigger word from a newer version, a bad id) is skipped with a warning.
 */
public final class SqlRecordingRepository implements RecordingRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlRecordingRepository.class);
    private static final String COLUMNS = """
            id, call_id, started_at, ended_at, duration_ms, caller, callee, trigger_kind, trigger_extension, file_size""";
    /** Call ids per {@code IN (...)} query: well under SQLite's bound-parameter limit. */
    private static final int IN_CHUNK = 500;

    private final Database db;

    public SqlRecordingRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean insert(CallRecording r) {
        Objects.requireNonNull(r, "recording");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, r.id());
                ps.setString(2, r.callId());
                ps.setLong(3, r.startedAt().toEpochMilli());
                ps.setLong(4, r.endedAt().toEpochMilli());
                ps.setLong(5, r.duration().toMillis());
                ps.setString(6, r.caller());
                ps.setString(7, r.callee());
                ps.setString(8, r.trigger().kind().word());
                ps.setString(9, r.trigger().extension());
                ps.setLong(10, r.fileSize());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<CallRecording> find(String id) {
        return query("SELECT " + COLUMNS + " FROM recording WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<CallRecording> list(RecordingQuery q) {
        Objects.requireNonNull(q, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM recording WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        q.callId().ifPresent(id -> {
            sql.append(" AND call_id = ?");
            parameters.add(id);
        });
        q.extension().ifPresent(n -> {
            sql.append(" AND (caller = ? OR callee = ? OR trigger_extension = ?)");
            parameters.add(n);
            parameters.add(n);
            parameters.add(n);
        });
        q.since().ifPresent(t -> {
            sql.append(" AND started_at >= ?");
            parameters.add(t.toEpochMilli());
        });
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        parameters.add(q.limit());
        return query(sql.toString(), parameters);
    }

    @Override
    public Map<String, List<String>> idsByCall(Collection<String> callIds) {
        List<String> ids = List.copyOf(callIds);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT call_id, id FROM recording WHERE call_id IN ("
                        + marks + ") ORDER BY started_at, id")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                return null;
            });
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    @Override
    public List<CallRecording> startedBefore(Instant instant, int limit) {
        return query("SELECT " + COLUMNS + " FROM recording WHERE started_at < ? ORDER BY started_at, id LIMIT ?",
                List.of(instant.toEpochMilli(), limit));
    }

    @Override
    public boolean delete(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recording WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<CallRecording> all() {
        return query("SELECT " + COLUMNS + " FROM recording ORDER BY started_at, id", List.of());
    }

    private List<CallRecording> query(String sql, List<?> parameters) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) ps.setObject(i + 1, parameters.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    List<CallRecording> out = new ArrayList<>();
                    while (rs.next()) recording(rs).ifPresent(out::add);
                    return List.copyOf(out);
                }
            }
        });
    }

    private static Optional<CallRecording> recording(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            String word = rs.getString("trigger_kind");
            Trigger.Kind kind = Trigger.Kind.parse(word)
                    .orElseThrow(() -> new IllegalArgumentException("unknown trigger " + word));
            return Optional.of(new CallRecording(id, rs.getString("call_id"),
                    Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("ended_at")),
                    Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("caller"), rs.getString("callee"),
                    new Trigger(kind, rs.getString("trigger_extension")), rs.getLong("file_size")));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipping stored recording {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
