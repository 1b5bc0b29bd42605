package org.switchboard.sip.transaction;

import java.time.Duration;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.TransportSender;

/**
 * What the four RFC 3261 §17 state machines share: their timers and the way transport
 * errors come back. A transaction lives on one shard and is touched only from it; timer and
 * send callbacks that arrive on other threads hop onto the shard first.
 *
 * <p>State handlers follow one rule that keeps re-entrant callbacks safe (a fake or local
 * sender may report an error before {@code send} returns): enter the next state first, then
 * start timers, then send, then tell the TU.
 *
 * <p>The transaction is its own {@link TransportSender.SendResult}, so a send allocates nothing.
 */
abstract sealed class Transaction implements TransportSender.SendResult
        permits BaseClientTransaction, BaseServerTransaction {

    private static final TransactionTimer[] TIMERS = TransactionTimer.values();

    final TransactionEnv env;
    final boolean reliable;
    private TimerTask[] timers;

    Transaction(TransactionEnv env, boolean reliable) {
        this.env = env;
        this.reliable = reliable;
    }

    /** A timer of one transaction; fires on the scheduler's thread, runs on the shard. */
    private static final class TimerTask implements Runnable {
        final Transaction tx;
        final TransactionTimer timer;
        Scheduler.Handle handle = Scheduler.Handle.NONE;

        TimerTask(Transaction tx, TransactionTimer timer) {
            this.tx = tx;
            this.timer = timer;
        }

        @Override
        public void run() {
            if (tx.env.onShard()) tx.fire(this);
            else tx.env.execute(this);
        }
    }

    abstract boolean isTerminated();

    /** A timer this transaction started has fired (on the shard). */
    abstract void onTimer(TransactionTimer timer);

    /** The transport could not send one of our messages (RFC 3261 §17.1.4, §17.2.4). */
    abstract void onTransportError();

    /** Enters Terminated: cancels timers and leaves the layer's table. Idempotent. */
    abstract void terminate();

    final void startTimer(TransactionTimer timer, Duration delay) {
        if (isTerminated()) return;
        cancelTimer(timer);
        if (timers == null) timers = new TimerTask[TIMERS.length];
        TimerTask task = new TimerTask(this, timer);
        timers[timer.ordinal()] = task;
        task.handle = env.scheduler().schedule(delay, task);
    }

    final void cancelTimer(TransactionTimer timer) {
        if (timers == null) return;
        TimerTask task = timers[timer.ordinal()];
        if (task != null) {
            timers[timer.ordinal()] = null;
            task.handle.cancel();
        }
    }

    final void cancelTimers() {
        if (timers == null) return;
        for (TransactionTimer t : TIMERS) cancelTimer(t);
    }

    /** True while {@code timer} is scheduled: for tests and assertions. */
    final boolean timerRunning(TransactionTimer timer) {
        return timers != null && timers[timer.ordinal()] != null;
    }

    private void fire(TimerTask task) {
        int i = task.timer.ordinal();
        if (timers == null || timers[i] != task) return;   // cancelled after it was queued
        timers[i] = null;
        onTimer(task.timer);
    }

    @Override
    public final void done(Flow flow, Throwable error) {
        if (error != null) env.runOnShard(this::sendFailed);
    }

    /** A send failed; servers try another connection first (§18.2.2). */
    void sendFailed() {
        if (!isTerminated()) onTransportError();
    }
}
