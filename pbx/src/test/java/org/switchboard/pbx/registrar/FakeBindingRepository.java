package org.switchboard.pbx.registrar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** An in-memory repository that records every batch it receives. */
final class FakeBindingRepository implements BindingRepository {

    record Batch(List<Binding> upserts, List<Binding.Key> removals) {
        int size() { return upserts.size() + removals.size(); }
    }

    final Map<Binding.Key, Binding> rows = new ConcurrentHashMap<>();
    final List<Batch> batches = new CopyOnWriteArrayList<>();
    volatile int failuresToInject;
    volatile CountDownLatch applied = new CountDownLatch(1);

    FakeBindingRepository(Binding... stored) {
        for (Binding b : stored) rows.put(b.key(), b);
    }

    @Override
    public List<Binding> loadAll() { return new ArrayList<>(rows.values()); }

    @Override
    public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new IllegalStateException("database is locked");
        }
        batches.add(new Batch(List.copyOf(upserts), List.copyOf(removals)));
        for (Binding b : upserts) rows.put(b.key(), b);
        for (Binding.Key k : removals) rows.remove(k);
        applied.countDown();
    }
}
