package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.ResponseChecks;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.TransportSender;

/**
 * One shard of the transaction layer: the server and client transaction tables for the
 * Call-IDs hashed to it, and the rules that run before a transaction exists (parse, stateless
 * error answers, RFC 3581 stamping, matching per RFC 3261 §17.1.3 and §17.2.3, CANCEL §9.2).
 *
 * <p>Completed non-INVITE server transactions on unreliable transports are not kept as objects:
 * their final responses wait out Timer J in {@link CompletedAnswers}, swept by one timer per
 * shard (at most one run per {@link #SWEEP_INTERVAL}) instead of one timer per transaction.
 *
 * <p>Single-threaded: everything below {@link #receive} and {@link #start} runs on this
 * shard's serial executor. {@code owner} marks the thread running a shard task now, so
 * callbacks arriving on that thread run inline and others hop onto the executor.
 */
final class TransactionLayer implements TransactionEnv {
    private static final System.Logger LOG = System.getLogger(TransactionLayer.class.getName());

    private final TransportSender sender;
    private final Scheduler scheduler;
    private final TimerSettings timers;
    private final TransactionUser user;
    private final UniqueTokens tokens;
    private final StackCounters counters;
    private final Executor executor;
    private final Map<ServerKey, BaseServerTransaction> servers = new HashMap<>();
    private final Map<ClientKey, BaseClientTransaction> clients = new HashMap<>();
    private final CompletedAnswers answers = new CompletedAnswers();
    /** True while a sweep of {@link #answers} is scheduled. On the shard. */
    private boolean sweepScheduled;
    private volatile Thread owner;

    /**
     * Shortest time between two sweeps of expired answers: a sweep only frees memory (an
     * expired answer is never used), so batching a second of them costs nothing.
     */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    TransactionLayer(TransportSender sender, Scheduler scheduler, TimerSettings timers, TransactionUser user,
                     UniqueTokens tokens, StackCounters counters, Executor executor) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.timers = timers;
        this.user = user;
        this.tokens = tokens;
        this.counters = counters;
        this.executor = executor;
    }

    // ---- entry points, any thread ----

    /** Queues a received message for this shard; returns at once, never throws (dropped once stopped). */
    void receive(byte[] message, Flow flow) {
        try {
            executor.execute(new Inbound(message, flow));
        } catch (RejectedExecutionException e) {
            counters.dropped.increment();
        }
    }

    /** Registers and starts a client transaction on this shard. */
    void start(BaseClientTransaction tx) { runOnShard(() -> startOnShard(tx)); }

    private final class Inbound implements Runnable {
        private final byte[] message;
        private final Flow flow;

        Inbound(byte[] message, Flow flow) {
            this.message = message;
            this.flow = flow;
        }

        @Override
        public void run() {
            Thread previous = owner;
            owner = Thread.currentThread();
            try {
                handle(message, flow);
            } finally {
                owner = previous;
            }
        }
    }

    // ---- TransactionEnv ----

    @Override public TransportSender sender() { return sender; }
    @Override public Scheduler scheduler() { return scheduler; }
    @Override public TimerSettings timers() { return timers; }
    @Override public TransactionUser user() { return user; }
    @Override public UniqueTokens tokens() { return tokens; }
    @Override public StackCounters counters() { return counters; }

    @Override
    public boolean onShard() { return owner == Thread.currentThread(); }

    /** Queues a task on this shard; after the stack is closed (executor stopped) it is dropped. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runMarked(task));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "SIP shard stopped: task dropped");
        }
    }

    private void runMarked(Runnable task) {
        Thread previous = owner;
        owner = Thread.currentThread();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "SIP shard task failed", e);
        } finally {
            owner = previous;
        }
    }

    @Override
    public void terminated(Transaction tx) {
        if (tx instanceof BaseServerTransaction s) {
            if (servers.remove(s.key, s)) counters.serverTransactions.decrement();
        } else if (tx instanceof BaseClientTransaction c) {
            if (clients.remove(c.key, c)) counters.clientTransactions.decrement();
        }
    }

    @Override
    public void keepAnswer(ServerKey key, byte[] response, Flow flow, Duration timerJ) {
        servers.remove(key);   // still counted in serverTransactions until its answer expires
        long now = scheduler.nanoTime();
        counters.serverTransactions.add(-answers.expire(now));
        answers.put(key, response, flow, now + timerJ.toNanos());
        scheduleSweep(now);
    }

    @Override
    public void forgetAnswer(ServerKey key) {
        if (answers.remove(key)) counters.serverTransactions.decrement();
    }

    /** Schedules the next sweep when answers wait and none is scheduled: at the oldest one's deadline. */
    private void scheduleSweep(long now) {
        if (sweepScheduled || answers.isEmpty()) return;
        sweepScheduled = true;
        long delay = Math.max(answers.nextDeadline() - now, SWEEP_INTERVAL.toNanos());
        scheduler.schedule(Duration.ofNanos(delay), () -> runOnShard(this::sweep));
    }

    private void sweep() {
        sweepScheduled = false;
        long now = scheduler.nanoTime();
        counters.serverTransactions.add(-answers.expire(now));
        scheduleSweep(now);
    }

    @Override
    public void tuFailed(String callback, RuntimeException error) {
        LOG.log(System.Logger.Level.WARNING, "transaction user failed in " + callback, error);
    }

    // ---- on the shard ----

    /** Parses and dispatches one message. Never throws. */
    void handle(byte[] message, Flow flow) {
        try {
            ParseResult result = SipParser.parse(message);
            if (result instanceof ParseResult.Parsed parsed) {
                SipMessage m = parsed.message();
                if (m instanceof SipRequest request) onRequest(request, flow);
                else if (m instanceof SipResponse response) onResponse(response, flow);
            } else if (result instanceof ParseResult.Failed failed) {
                onParseFailure(failed, flow);
            }
        } catch (RuntimeException e) {
            counters.dropped.increment();
            LOG.log(System.Logger.Level.WARNING, "dropped a message from " + flow.remoteText(), e);
        }
    }

    private void startOnShard(BaseClientTransaction tx) {
        clients.put(tx.key, tx);
        counters.clientTransactions.increment();
        tx.start();
    }

    private void onRequest(SipRequest received, Flow flow) {
        counters.requestsIn.increment();
        Via top = received.topVia();
        Via stamped = ResponseRouting.stamp(top, flow);
        SipRequest request = ResponseRouting.withTopVia(received, top, stamped);
        ServerKey key = ServerKey.of(request, stamped);
        BaseServerTransaction existing = servers.get(key);
        if (request.isMethod("ACK")) {
            onAck(request, flow, existing);
            return;
        }
        if (existing != null) {
            counters.retransmissionsAbsorbed.increment();
            existing.onRetransmission();
            return;
        }
        CompletedAnswers.Answer answer = answers.find(key, scheduler.nanoTime());
        if (answer != null) {
            // §17.2.2: a retransmission in Completed gets the final response again
            counters.retransmissionsAbsorbed.increment();
            counters.responsesOut.increment();
            sender.send(answer.flow(), answer.response(), TransportSender.SendResult.IGNORE);
            return;
        }
        Flow responseFlow = ResponseRouting.responseFlow(stamped, flow);
        InetSocketAddress reconnect = flow.transport().reliable() ? ResponseRouting.reconnectAddress(stamped, flow) : null;
        BaseServerTransaction tx = request.isMethod("INVITE")
                ? new InviteServerTransaction(this, key, request, flow, responseFlow, reconnect)
                : new NonInviteServerTransaction(this, key, request, flow, responseFlow, reconnect);
        servers.put(key, tx);
        counters.serverTransactions.increment();
        if (request.isMethod("CANCEL")) {
            onCancel(tx, key);
            return;
        }
        try {
            user.onRequest(tx, request);
        } catch (RuntimeException e) {
            tuFailed("onRequest", e);
            tx.answerServerError();
        }
        if (tx instanceof InviteServerTransaction invite) invite.awaitTu();
    }

    /** ACK: to its INVITE server transaction (non-2xx), else to the TU (ACK for a 2xx). */
    private void onAck(SipRequest ack, Flow flow, BaseServerTransaction existing) {
        if (existing instanceof InviteServerTransaction invite) {
            if (invite.state == InviteServerTransaction.State.CONFIRMED) counters.retransmissionsAbsorbed.increment();
            invite.onAck(ack);
            return;
        }
        try {
            user.onAck(ack, flow);
        } catch (RuntimeException e) {
            tuFailed("onAck", e);
        }
    }

    /** CANCEL (§9.2): 200 when it matches an INVITE transaction, then the TU ends the INVITE; else 481. */
    private void onCancel(BaseServerTransaction cancel, ServerKey key) {
        if (servers.get(key.inviteKey()) instanceof InviteServerTransaction invite) {
            SipRequest cancelRequest = cancel.request();
            cancel.respond(SipResponse.to(cancelRequest, 200, "OK", invite.localTag()));
            if (invite.cancellable()) {
                try {
                    user.onCancel(invite, cancelRequest);
                } catch (RuntimeException e) {
                    tuFailed("onCancel", e);
                }
            }
        } else {
            cancel.respond(481, "Call/Transaction Does Not Exist");
        }
    }

    /** Responses: to the client transaction of our branch (§17.1.3); others are dropped (§18.1.2). */
    private void onResponse(SipResponse response, Flow flow) {
        counters.responsesIn.increment();
        String branch = response.topVia().branch().orElse(null);
        if (branch == null || !tokens.isOurBranch(branch) || ResponseChecks.check(response).isPresent()) {
            counters.dropped.increment();
            return;
        }
        String method = response.cseq().method();
        BaseClientTransaction tx = clients.get(new ClientKey(branch, method));
        if (tx != null) {
            tx.onResponse(response);
        } else if (response.success() && method.equals("INVITE")) {
            try {
                user.onStrayResponse(response, flow);
            } catch (RuntimeException e) {
                tuFailed("onStrayResponse", e);
            }
        } else {
            counters.dropped.increment();
        }
    }

    /**
     * A message the parser rejected: answered statelessly with the parser's status when it is
     * a readable request with a usable Via (never an ACK, §17.1.1.3), else dropped (§18.3).
     */
    private void onParseFailure(ParseResult.Failed failed, Flow flow) {
        counters.parseFailures.increment();
        SipRequest request = failed.request();
        Via top = request == null ? null
                : request.headers().first(HeaderNames.VIA).flatMap(Via::parse).orElse(null);
        if (failed.status() < 300 || failed.status() > 699 || top == null || request.isMethod("ACK")) {
            counters.dropped.increment();
            return;
        }
        Via stamped = ResponseRouting.stamp(top, flow);
        SipRequest withVia = ResponseRouting.withTopVia(request, top, stamped);
        SipResponse response = SipResponse.to(withVia, failed.status(), reasonPhrase(failed), tokens.tag());
        counters.statelessResponses.increment();
        counters.responsesOut.increment();
        sender.send(ResponseRouting.responseFlow(stamped, flow), response.toBytes(), TransportSender.SendResult.IGNORE);
    }

    /** The parser's reason if it is a plain printable phrase, else a generic one. */
    private static String reasonPhrase(ParseResult.Failed failed) {
        String r = failed.reason();
        boolean usable = r != null && !r.isBlank() && r.length() <= 64;
        for (int i = 0; usable && i < r.length(); i++) {
            char c = r.charAt(i);
            usable = c >= 0x20 && c < 0x7f;
        }
        if (usable) return r;
        return failed.status() == 505 ? "Version Not Supported" : "Bad Request";
    }

    /** Live transactions on this shard, completed answers included (for tests). */
    int size() { return servers.size() + clients.size() + answers.size(); }
}
