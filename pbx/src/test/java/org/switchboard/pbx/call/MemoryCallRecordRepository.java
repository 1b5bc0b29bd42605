package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CallRecordRepository} contract in a map, strict as a table with a primary key: a
 * second insert of an id or an update of a missing id fails. Shared with the tests of other
 * modules through this module's test jar.
 */
public final class MemoryCallRecordRepository implements CallRecordRepository {
    private final Map<String, CallRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized void insert(CallRecord record) {
        if (records.putIfAbsent(record.id(), record) != null) {
            throw new IllegalStateException("call record " + record.id() + " already exists");
        }
    }

    @Override
    public synchronized void update(CallRecord record) {
        if (records.replace(record.id(), record) == null) {
            throw new IllegalStateException("no call record " + record.id());
        }
    }

    @Override
    public synchronized List<CallRecord> recent(int limit) {
        return records.values().stream()
                .sorted(Comparator.comparing(CallRecord::startedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int interruptOpen(Instant now) {
        int n = 0;
        for (Map.Entry<String, CallRecord> e : records.entrySet()) {
            CallRecord r = e.getValue();
            if (r.ended()) continue;
            Disposition d = r.answeredAt() != null ? Disposition.ANSWERED : Disposition.FAILED;
            e.setValue(r.completed(now, d, HangupCause.INTERRUPTED, HangupSide.SYSTEM));
            n++;
        }
        return n;
    }

    /** The stored record of {@code id}. */
    public synchronized Optional<CallRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    /** Every stored record in insertion order. */
    public synchronized List<CallRecord> all() {
        return List.copyOf(records.values());
    }
}
