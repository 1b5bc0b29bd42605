package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues binding changes and writes them to a {@link BindingRepository} in batches, from one
 * virtual thread. Changes to the same key coalesce (the latest state wins), so a phone
 * refreshing every minute costs one row write per flush, not per REGISTER. A refresh
 * ({@link Binding#isRefreshOf}) stays a refresh only while every change it replaces was a
 * refresh too: after an upsert or a removal not yet written it is written as an upsert, so
 * the row always exists when a refresh reaches the repository. A failed batch is put back,
 * under the same rule, unless a newer change for the key arrived meanwhile; it is retried
 * on the next round.
 */
final class WriteBehind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    /** A pending change: an upsert or a refresh, or a removal when {@code binding} is null. */
    private record Change(Binding.Key key, Binding binding, boolean refresh) {
        /** This change queued after {@code earlier}, which it replaces (the latest state wins). */
        Change after(Change earlier) {
            return refresh && !earlier.refresh ? new Change(key, binding, false) : this;
        }
    }

    private final BindingRepository repository;
    private final long intervalNanos;
    private final int maxBatch;
    private final ConcurrentHashMap<Binding.Key, Change> pending = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private volatile Thread flusher;
    private volatile boolean closed;
    /** Set once a full batch is waiting, so a storm unparks the flusher once per round, not per change. */
    private final AtomicBoolean woken = new AtomicBoolean();

    WriteBehind(BindingRepository repository, Duration interval, int maxBatch) {
        this.repository = repository;
        this.intervalNanos = interval.toNanos();
        this.maxBatch = maxBatch;
    }

    void upsert(Binding b) {
        Binding.Key k = b.key();
        pending.put(k, new Change(k, b, false));
        nudge();
    }

    /** A binding already written (or pending) that changed only as a refresh changes it. */
    void refresh(Binding b) {
        Binding.Key k = b.key();
        pending.merge(k, new Change(k, b, true), (earlier, latest) -> latest.after(earlier));
        nudge();
    }

    void remove(Binding.Key k) {
        pending.put(k, new Change(k, null, false));
        nudge();
    }

    int pending() { return pending.size(); }

    synchronized void start() {
        if (flusher != null || closed) return;
        flusher = Thread.ofVirtual().name("location-write-behind").start(this::run);
    }

    private void nudge() {
        Thread t = flusher;
        if (t != null && !woken.get() && pending.size() >= maxBatch && woken.compareAndSet(false, true)) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        while (!closed) {
            if (!woken.get()) LockSupport.parkNanos(this, intervalNanos);
            woken.set(false);
            if (!closed) flush();
        }
    }

    /** Writes every pending change now, in batches of at most {@code maxBatch}. Returns how many were written. */
    int flush() {
        flushing.lock();
        try {
            int written = 0;
            while (!pending.isEmpty()) {
                List<Change> batch = new ArrayList<>(Math.min(maxBatch, pending.size()));
                for (Binding.Key k : pending.keySet()) {
                    Change c = pending.remove(k);
                    if (c != null) batch.add(c);
                    if (batch.size() >= maxBatch) break;
                }
                if (batch.isEmpty()) break;
                if (!write(batch)) return written;
                written += batch.size();
            }
            return written;
        } finally {
            flushing.unlock();
        }
    }

    private boolean write(List<Change> batch) {
        List<Binding> upserts = new ArrayList<>();
        List<Binding> refreshes = new ArrayList<>(batch.size());
        List<Binding.Key> removals = new ArrayList<>();
        for (Change c : batch) {
            if (c.binding() == null) removals.add(c.key());
            else if (c.refresh()) refreshes.add(c.binding());
            else upserts.add(c.binding());
        }
        try {
            repository.apply(upserts, refreshes, removals);
            return true;
        } catch (RuntimeException e) {
            // a newer change wins, but it must not lose the upsert or removal this batch failed to write
            for (Change c : batch) pending.merge(c.key(), c, (newer, failed) -> newer.after(failed));
            LOG.warn("could not store {} registration changes, will retry: {}", batch.size(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = flusher;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
        if (!pending.isEmpty()) LOG.error("{} registration changes were not stored at shutdown", pending.size());
    }
}
