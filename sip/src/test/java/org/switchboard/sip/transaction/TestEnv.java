package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.TransportSender;

/** A single-threaded environment for state-machine tests: virtual clock, fake sender, recording TU. */
final class TestEnv implements TransactionEnv {
    final ManualScheduler clock = new ManualScheduler();
    final FakeSender sender = new FakeSender(clock);
    final RecordingUser user = new RecordingUser();
    final StackCounters counters = new StackCounters();
    final UniqueTokens tokens = new UniqueTokens("test");
    final List<Transaction> terminated = new ArrayList<>();
    final List<RuntimeException> tuErrors = new ArrayList<>();
    /** What the layer would keep for Completed non-INVITE transactions (no sweep: expiry is checked on lookup). */
    final CompletedAnswers answers = new CompletedAnswers();
    private final TimerSettings timers;

    TestEnv() { this(TimerSettings.DEFAULT); }

    TestEnv(TimerSettings timers) { this.timers = timers; }

    @Override public TransportSender sender() { return sender; }
    @Override public Scheduler scheduler() { return clock; }
    @Override public TimerSettings timers() { return timers; }
    @Override public TransactionUser user() { return user; }
    @Override public UniqueTokens tokens() { return tokens; }
    @Override public StackCounters counters() { return counters; }
    @Override public boolean onShard() { return true; }
    @Override public void execute(Runnable task) { task.run(); }
    @Override public void terminated(Transaction transaction) { terminated.add(transaction); }
    @Override public void tuFailed(String callback, RuntimeException error) { tuErrors.add(error); }

    @Override
    public void keepAnswer(ServerKey key, byte[] response, Flow flow, Duration timerJ) {
        answers.put(key, response, flow, clock.nanoTime() + timerJ.toNanos());
    }

    @Override public void forgetAnswer(ServerKey key) { answers.remove(key); }

    /** The answer the layer would re-send now for a retransmission of the request with {@code key}, or null. */
    CompletedAnswers.Answer keptAnswer(ServerKey key) { return answers.find(key, clock.nanoTime()); }

    void advanceMillis(long ms) { clock.advance(java.time.Duration.ofMillis(ms)); }

    void advanceSeconds(double s) { clock.advance(java.time.Duration.ofMillis(Math.round(s * 1000))); }
}
