package org.switchboard.pbx.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The recording index in memory, for tests. */
public final class MemoryRecordingRepository implements RecordingRepository {
    private final Map<String, CallRecording> rows = new TreeMap<>();

    @Override
    public synchronized boolean insert(CallRecording recording) {
        return rows.putIfAbsent(recording.id(), recording) == null;
    }

    @Override
    public synchronized Optional<CallRecording> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<CallRecording> list(RecordingQuery query) {
        return rows.values().stream().filter(query::matches)
                .sorted(Comparator.comparing(CallRecording::startedAt).thenComparing(CallRecording::id).reversed())
                .limit(query.limit()).toList();
    }

    @Override
    public synchronized Map<String, List<String>> idsByCall(Collection<String> callIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CallRecording r : rows.values()) {
            if (callIds.contains(r.callId())) out.computeIfAbsent(r.callId(), k -> new ArrayList<>()).add(r.id());
        }
        return out;
    }

    @Override
    public synchronized List<CallRecording> startedBefore(Instant instant, int limit) {
        return rows.values().stream().filter(r -> r.startedAt().isBefore(instant)).limit(limit).toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized List<CallRecording> all() {
        return List.copyOf(rows.values());
    }
}
