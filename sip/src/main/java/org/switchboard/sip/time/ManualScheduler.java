package org.switchboard.sip.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A virtual clock for tests: time stands still until {@link #advance(Duration)} moves it,
 * firing every task that falls due, in time order (ties in scheduling order), each at its
 * own instant, so {@link #nanoTime()} inside a task reads the time that task was due.
 * Tasks scheduled while advancing run in the same call when they fall inside the window.
 *
 * <p>Thread-safe: tasks may be scheduled from any thread; tasks run on the thread that
 * calls {@code advance}, outside the internal lock.
 */
public final class ManualScheduler implements Scheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    /** Starts the clock at zero. */
    public ManualScheduler() { }

    private final class Entry implements Comparable<Entry>, Handle {
        final long due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Entry(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                if (!cancelled) {
                    cancelled = true;
                    queue.remove(this);
                }
            }
        }
    }

    @Override
    public synchronized Handle schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) throw new IllegalArgumentException("negative delay " + delay);
        Entry e = new Entry(now + delay.toNanos(), sequence++, task);
        queue.add(e);
        return e;
    }

    @Override
    public synchronized long nanoTime() { return now; }

    /** The virtual time elapsed since creation. */
    public synchronized Duration elapsed() { return Duration.ofNanos(now); }

    /** Moves the clock forward by {@code delta}, running every task that falls due on the way. */
    public void advance(Duration delta) {
        if (delta.isNegative()) throw new IllegalArgumentException("negative delta " + delta);
        long target;
        synchronized (this) {
            target = now + delta.toNanos();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                next.cancelled = true;
                now = next.due;
            }
            next.task.run();
        }
    }

    /** Runs the tasks due now (scheduled with a zero delay) without moving the clock. */
    public void runDue() { advance(Duration.ZERO); }

    /** Number of tasks scheduled and not yet run or cancelled. */
    public synchronized int pending() { return queue.size(); }

    /** Delays from now of the pending tasks, soonest first: handy to assert which timers run. */
    public synchronized List<Duration> pendingDelays() {
        List<Entry> entries = new ArrayList<>(queue);
        entries.sort(null);
        List<Duration> out = new ArrayList<>(entries.size());
        for (Entry e : entries) out.add(Duration.ofNanos(e.due - now));
        return out;
    }
}
