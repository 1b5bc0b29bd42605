package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRecorderTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Millisecond backoff: the retry tests stay fast. */
    private static final CallRecorder.Settings FAST = new CallRecorder.Settings(100, 3, Duration.ofMillis(1), WAIT);

    private final ScriptedRepository repo = new ScriptedRepository();
    private CallRecorder recorder;

    @AfterEach
    void close() {
        repo.open();
        if (recorder != null) recorder.close();
    }

    private static CallRecord call(String id, int second) {
        return CallRecord.started(id, "1001", "Alice", "1002", T0.plusSeconds(second), List.of(id + "-a"));
    }

    private static CallRecord completed(CallRecord r) {
        return r.withLegs(List.of(r.id() + "-a", r.id() + "-b1")).answered(r.startedAt().plusSeconds(3))
                .completed(r.startedAt().plusSeconds(63), Disposition.ANSWERED, HangupCause.NORMAL_CLEARING,
                        HangupSide.CALLEE);
    }

    @Test
    void startInsertsAndChangesUpdateInOrder() {
        recorder = CallRecorder.start(repo, FAST);
        CallRecord a = call("a", 0);
        CallRecord b = call("b", 1);
        recorder.started(a);
        recorder.started(b);
        recorder.changed(a.answered(T0.plusSeconds(2)));
        recorder.changed(completed(a));

        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("a")).contains(completed(a));
        assertThat(repo.memory.find("b")).contains(b);
        assertThat(repo.operations).startsWith("insert a", "insert b");
        assertThat(recorder.stats().written()).isEqualTo(repo.operations.size());
    }

    @Test
    void reportingNeverWaitsForASlowDatabaseAndChangesCoalesce() {
        repo.close();
        recorder = CallRecorder.start(repo, FAST);
        CallRecord first = call("first", 0);
        recorder.started(first);
        repo.awaitBlocked();

        // the writer is stuck in the database: reporting from a "shard" must still return at once
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 50; i++) {
                CallRecord r = call("c" + i, i);
                recorder.started(r);
                recorder.changed(r.answered(r.startedAt().plusSeconds(1)));
                recorder.changed(completed(r));
            }
        });
        assertThat(recorder.stats().waiting()).isEqualTo(50);

        repo.open();
        assertThat(recorder.flush(WAIT)).isTrue();
        // one write per waiting call: its start and changes became one insert of the latest record
        assertThat(repo.operations).hasSize(51).startsWith("insert first", "insert c0", "insert c1").endsWith("insert c49");
        assertThat(repo.memory.find("c7")).contains(completed(call("c7", 7)));
    }

    @Test
    void aFullQueueDropsNewCallsVisiblyButKeepsChangesOfWaitingOnes() {
        repo.close();
        recorder = CallRecorder.start(repo, new CallRecorder.Settings(2, 3, Duration.ofMillis(1), WAIT));
        CallRecord busy = call("busy", 0);
        recorder.started(busy);
        repo.awaitBlocked();
        CallRecord a = call("a", 1);
        CallRecord b = call("b", 2);
        CallRecord late = call("late", 3);
        recorder.started(a);
        recorder.started(b);
        recorder.started(late);
        recorder.changed(completed(a));

        assertThat(recorder.stats().dropped()).isEqualTo(1);
        assertThat(recorder.stats().waiting()).isEqualTo(2);

        repo.open();
        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("a")).contains(completed(a));
        assertThat(repo.memory.find("late")).isEmpty();

        // the dropped call's completion still lands, as an insert
        recorder.changed(completed(late));
        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("late")).contains(completed(late));
    }

    @Test
    void aFailedWriteIsRetriedWithBackoff() {
        repo.failNext(2);
        recorder = CallRecorder.start(repo, FAST);
        CallRecord a = call("a", 0);
        recorder.started(a);

        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("a")).contains(a);
        assertThat(recorder.stats()).isEqualTo(new CallRecorder.Stats(0, 1, 2, 0, 0));
    }

    @Test
    void anInsertThatKeepsFailingIsCountedAndTheNextChangeIsInserted() {
        repo.failNext(3);
        recorder = CallRecorder.start(repo, FAST);
        CallRecord a = call("a", 0);
        recorder.started(a);
        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("a")).isEmpty();
        assertThat(recorder.stats().failed()).isEqualTo(1);

        recorder.changed(completed(a));
        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(repo.memory.find("a")).contains(completed(a));
        assertThat(repo.operations).containsExactly("insert a");
    }

    @Test
    void closeWritesWhatWaitsThenRefusesNewRecords() {
        recorder = CallRecorder.start(repo, FAST);
        for (int i = 0; i < 20; i++) recorder.started(call("c" + i, i));
        recorder.close();
        assertThat(repo.memory.all()).hasSize(20);

        recorder.started(call("after", 99));
        assertThat(recorder.stats().dropped()).isEqualTo(1);
        assertThat(repo.memory.find("after")).isEmpty();
        recorder.close();
    }

    @Test
    void closeGivesUpOnAStuckDatabaseWithinItsBound() {
        repo.close();
        recorder = CallRecorder.start(repo, new CallRecorder.Settings(10, 1, Duration.ZERO, Duration.ofMillis(200)));
        recorder.started(call("stuck", 0));
        repo.awaitBlocked();
        recorder.started(call("waiting", 1));

        assertTimeoutPreemptively(Duration.ofSeconds(5), recorder::close);
        // both given up and logged in full, none silently lost
        assertThat(recorder.stats().failed()).isEqualTo(2);
        assertThat(repo.memory.all()).isEmpty();
    }

    @Test
    void recentReadsThroughTheRepositoryNewestFirst() {
        recorder = CallRecorder.start(repo, FAST);
        recorder.started(call("old", 0));
        recorder.started(call("new", 60));
        recorder.flush(WAIT);

        assertThat(recorder.recent(10)).extracting(CallRecord::id).containsExactly("new", "old");
        assertThat(recorder.recent(1)).extracting(CallRecord::id).containsExactly("new");
        assertThatThrownBy(() -> recorder.recent(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CallRecorder.Settings(0, 1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> new CallRecorder.Settings(1, 0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("attempts");
    }

    /** A memory repository that can hold writes at a gate and fail the next few. */
    private static final class ScriptedRepository implements CallRecordRepository {
        final MemoryCallRecordRepository memory = new MemoryCallRecordRepository();
        final List<String> operations = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger failures = new AtomicInteger();
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final CountDownLatch blocked = new CountDownLatch(1);

        void close() { gate = new CountDownLatch(1); }

        void open() { gate.countDown(); }

        void failNext(int n) { failures.set(n); }

        void awaitBlocked() {
            try {
                assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the writer reached the database").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        private void enter() {
            CountDownLatch g = gate;
            if (g.getCount() > 0) {
                blocked.countDown();
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("database is locked");
        }

        @Override public void insert(CallRecord record) {
            enter();
            memory.insert(record);
            operations.add("insert " + record.id());
        }

        @Override public void update(CallRecord record) {
            enter();
            memory.update(record);
            operations.add("update " + record.id());
        }

        @Override public List<CallRecord> recent(int limit) { return memory.recent(limit); }

        @Override public int interruptOpen(Instant now) { return memory.interruptOpen(now); }
    }
}
