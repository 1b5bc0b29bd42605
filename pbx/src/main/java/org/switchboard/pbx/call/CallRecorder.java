package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call records behind the calls: the B2BUA reports {@link #started} and {@link #changed}
 * from its SIP shard threads, which must never wait for a database, and one virtual thread
 * writes them to the {@link CallRecordRepository} in the order the calls were first reported.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #started} and {@link #changed} never block: they take a short lock (no I/O under
 *       it) and return. Changes to a call still waiting coalesce into its latest record, so a
 *       slow database costs at most one write per call, not one per event.</li>
 *   <li>A call's start is an insert, its changes are updates; a change of a call whose insert
 *       failed (or was dropped) is inserted, so its completion still lands.</li>
 *   <li>A failed write is logged (record id and error, never a secret) and retried with
 *       doubling backoff ({@link Settings#attempts()}); when every attempt fails the whole record
 *       is logged at ERROR and counted in {@link Stats#failed()}: never lost silently.</li>
 *   <li>At most {@link Settings#capacity()} calls wait at once. When that many wait, a change of
 *       a waiting call is still taken (it coalesces), but a new call's record is dropped: logged
 *       at ERROR in full and counted in {@link Stats#dropped()}. A later change of that call is
 *       inserted.</li>
 * </ul>
 * A crash loses what waits here; the records already inserted are completed as
 * {@link HangupCause#INTERRUPTED} at the next start ({@link CallRecordRepository#interruptOpen}).
 */
public final class CallRecorder implements CallHistory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    /**
     * @param capacity  most calls whose records wait to be written (default 10,000)
     * @param attempts  tries per write before the record is given up (logged in full), at least 1 (default 5)
     * @param backoff   wait after the first failure, doubled after each (default 100 ms: 0.1+0.2+0.4+0.8 s)
     * @param closeWait how long {@link #close()} waits for the queue to drain (default 10 s)
     */
    public record Settings(int capacity, int attempts, Duration backoff, Duration closeWait) {
        public static final Settings DEFAULTS = new Settings(10_000, 5, Duration.ofMillis(100), Duration.ofSeconds(10));

        public Settings {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
            if (backoff.isNegative()) throw new IllegalArgumentException("backoff must not be negative");
            if (closeWait.isNegative()) throw new IllegalArgumentException("closeWait must not be negative");
        }
    }

    /**
     * Counters since start.
     *
     * @param waiting calls whose records wait to be written now
     * @param written records written
     * @param retried writes that failed and were tried again
     * @param failed  records given up after every attempt failed (each logged in full)
     * @param dropped records refused because the queue was full or the recorder closed (each logged in full)
     */
    public record Stats(int waiting, long written, long retried, long failed, long dropped) { }

    private enum Kind { INSERT, UPDATE }

    /** The latest record of one call waiting to be written; {@code seq} orders calls by first report. */
    private record Waiting(long seq, Kind kind, CallRecord record) { }

    private final CallRecordRepository repository;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    /** Guarded by {@link #lock}; insertion order is {@code seq} order. */
    private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();
    /** Guarded by {@link #lock}: the seq of the newest waiting entry created, and of the last one handled. */
    private long lastSeq;
    private long doneSeq;
    private boolean closed;
    private boolean stopping;
    /** Calls whose insert failed or was dropped: their next change is inserted. */
    private final Set<String> notInserted = ConcurrentHashMap.newKeySet();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    private CallRecorder(CallRecordRepository repository, Settings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Thread.ofVirtual().name("call-records").unstarted(this::run);
    }

    /** A recorder with {@link Settings#DEFAULTS}, writing from now on. */
    public static CallRecorder start(CallRecordRepository repository) {
        return start(repository, Settings.DEFAULTS);
    }

    /** A recorder writing from now on. */
    public static CallRecorder start(CallRecordRepository repository, Settings settings) {
        CallRecorder recorder = new CallRecorder(repository, settings);
        recorder.writer.start();
        return recorder;
    }

    /** A call started: its record will be inserted. Never blocks. */
    public void started(CallRecord record) {
        offer(Kind.INSERT, record);
    }

    /** A call changed (legs, answer, end): its record will replace the stored one. Never blocks. */
    public void changed(CallRecord record) {
        offer(Kind.UPDATE, record);
    }

    private void offer(Kind kind, CallRecord record) {
        Objects.requireNonNull(record, "record");
        String refusal = null;
        lock.lock();
        try {
            Waiting earlier = waiting.get(record.id());
            if (closed) {
                refusal = "the recorder is closed";
            } else if (earlier != null) {
                Kind merged = earlier.kind() == Kind.INSERT ? Kind.INSERT : kind;
                waiting.put(record.id(), new Waiting(earlier.seq(), merged, record));
            } else if (waiting.size() >= settings.capacity()) {
                refusal = settings.capacity() + " calls already wait to be written";
            } else {
                waiting.put(record.id(), new Waiting(++lastSeq, kind, record));
                work.signal();
            }
        } finally {
            lock.unlock();
        }
        if (refusal != null) {
            if (kind == Kind.INSERT) notInserted.add(record.id());
            long total = dropped.incrementAndGet();
            LOG.error("Call record {} dropped ({}; {} dropped so far), not stored: {}", record.id(), refusal, total, record);
        }
    }

    /**
     * Waits until every record reported before this call is written (or given up), at most
     * {@code timeout}: for tests and shutdown.
     *
     * @return true when everything reported so far was handled in time
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long target = lastSeq;
            while (doneSeq < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                progress.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The most recent stored records, newest first, read through the repository (may block). */
    @Override
    public List<CallRecord> recent(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        return repository.recent(limit);
    }

    /** Counters since start. */
    public Stats stats() {
        int now;
        lock.lock();
        try {
            now = waiting.size();
        } finally {
            lock.unlock();
        }
        return new Stats(now, written.get(), retried.get(), failed.get(), dropped.get());
    }

    /**
     * Refuses new records, waits up to {@link Settings#closeWait()} for the waiting ones to be
     * written, then stops the writer. Records still waiting after that are logged in full at
     * ERROR. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
        } finally {
            lock.unlock();
        }
        boolean drained = flush(settings.closeWait());
        lock.lock();
        try {
            stopping = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        if (!drained) writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Waiting> left;
        lock.lock();
        try {
            left = new ArrayList<>(waiting.values());
            waiting.clear();
        } finally {
            lock.unlock();
        }
        for (Waiting w : left) {
            failed.incrementAndGet();
            LOG.error("Call record {} not stored at shutdown (the database did not keep up): {}", w.record().id(), w.record());
        }
    }

    private void run() {
        while (true) {
            Waiting next;
            lock.lock();
            try {
                while (waiting.isEmpty() && !stopping) work.await();
                if (waiting.isEmpty()) return;
                Iterator<Waiting> first = waiting.values().iterator();
                next = first.next();
                first.remove();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            store(next);
            lock.lock();
            try {
                doneSeq = next.seq();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Writes one record, retrying with backoff; logs and counts it when every attempt fails. */
    private void store(Waiting w) {
        CallRecord record = w.record();
        boolean insert = w.kind() == Kind.INSERT || notInserted.contains(record.id());
        long delayMillis = settings.backoff().toMillis();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                if (insert) repository.insert(record);
                else repository.update(record);
                notInserted.remove(record.id());
                written.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            if (attempt == settings.attempts()) break;
            retried.incrementAndGet();
            LOG.warn("Storing call record {} failed (attempt {} of {}), retrying in {} ms: {}", record.id(), attempt,
                    settings.attempts(), delayMillis, last.toString());
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            delayMillis = Math.min(delayMillis * 2, 30_000);
        }
        if (insert) notInserted.add(record.id());
        failed.incrementAndGet();
        LOG.error("Call record {} could not be stored ({}), it was: {}", record.id(),
                last != null ? last.toString() : "interrupted", record);
    }
}
