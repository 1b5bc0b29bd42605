package org.switchboard.sip.transaction;

import java.time.Duration;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.TransportSender;

/**
 * What a transaction state machine may touch: its output ports (sender, scheduler, TU) and
 * the shard it lives on. {@link TransactionLayer} implements it; state-machine tests give a
 * fake sender and a {@link org.switchboard.sip.time.ManualScheduler}.
 */
interface TransactionEnv {

    TransportSender sender();

    Scheduler scheduler();

    TimerSettings timers();

    TransactionUser user();

    UniqueTokens tokens();

    StackCounters counters();

    /** True when the calling thread is the one running this shard now. */
    boolean onShard();

    /** Queues {@code task} on the shard; it runs with {@link #onShard()} true. */
    void execute(Runnable task);

    /** Runs {@code task} now when on the shard, else queues it. */
    default void runOnShard(Runnable task) {
        if (onShard()) task.run();
        else execute(task);
    }

    /** The transaction reached Terminated: forget it. Called once per transaction. */
    void terminated(Transaction transaction);

    /**
     * Takes over the Completed state of a non-INVITE server transaction on an unreliable
     * transport (RFC 3261 §17.2.2): re-sends {@code response} on {@code flow} for each
     * retransmission of the request with {@code key} until {@code timerJ} has passed. The
     * transaction object then leaves the table; see {@link CompletedAnswers}.
     */
    void keepAnswer(ServerKey key, byte[] response, Flow flow, Duration timerJ);

    /** Forgets an answer given to {@link #keepAnswer}: its first send failed (§17.2.4). */
    void forgetAnswer(ServerKey key);

    /** A TU callback threw: log it (never rethrown into the stack). */
    void tuFailed(String callback, RuntimeException error);
}
