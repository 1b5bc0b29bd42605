package org.switchboard.sip.time;

import java.time.Duration;

/**
 * Runs tasks after a delay on a monotonic clock. The SIP stack gets one injected, so that
 * tests can use {@link ManualScheduler} and production a real timer.
 *
 * <p>Contract: a task runs at most once, not before its delay has passed, on a thread of
 * the scheduler's choosing (callers hop to their own executor). Tasks due at the same
 * instant run in the order they were scheduled. {@link #schedule} never blocks and may be
 * called from any thread.
 */
public interface Scheduler {

    /** Schedules {@code task} to run once after {@code delay} (zero or positive). */
    Handle schedule(Duration delay, Runnable task);

    /** The current time of this scheduler's clock in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Handle {
        /** A handle for something that never runs. */
        Handle NONE = () -> { };

        /** Prevents the task from running if it has not started yet; idempotent. */
        void cancel();
    }
}
