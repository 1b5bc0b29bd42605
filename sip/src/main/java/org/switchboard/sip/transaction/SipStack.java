package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.InboundHandler;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/**
 * The SIP transaction layer as module {@code net} and the application use it: a thread-safe
 * façade over N single-threaded {@link TransactionLayer} shards.
 *
 * <p>Inbound: {@code net} calls {@link #onMessage} from its event loop. The stack only scans
 * the bytes for the Call-ID, picks the shard by its hash and queues the bytes there; parsing,
 * matching and the TU run on the shard. So one call's transactions stay on one thread, in
 * order, while different calls run in parallel, and the event loop never blocks.
 *
 * <p>The TU ({@link TransactionUser}, {@link ResponseListener}) is called on the shard
 * thread and must not block. No lock is held while calling the TU or the sender.
 *
 * <p>Shards run on serial executors: by default one platform thread each ({@code sip-shard-N},
 * daemon, stopped by {@link #close()}); the builder accepts others, for instance a serial
 * executor over virtual threads, or {@code Runnable::run} in single-threaded tests.
 */
public final class SipStack implements InboundHandler, AutoCloseable {

    private static final List<String> REQUIRED = List.of(HeaderNames.CALL_ID, HeaderNames.CSEQ, HeaderNames.FROM, HeaderNames.TO);

    private final TransactionLayer[] shards;
    private final List<ExecutorService> owned;
    private final StackCounters counters;
    private final UniqueTokens tokens;
    private final SipStackSettings settings;
    private final TransportSender sender;
    private final Predicate<Flow> sourceFilter;

    private SipStack(Builder b) {
        this.settings = b.settings;
        this.sender = b.sender;
        this.counters = new StackCounters();
        this.sourceFilter = b.sourceFilter;
        this.tokens = b.tokens != null ? b.tokens : new UniqueTokens();
        this.shards = new TransactionLayer[settings.shards()];
        this.owned = new ArrayList<>();
        for (int i = 0; i < shards.length; i++) {
            Executor executor;
            if (b.executors != null) {
                executor = Objects.requireNonNull(b.executors.apply(i), "shard executor " + i);
            } else {
                ExecutorService service = Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("sip-shard-" + i).daemon(true).factory());
                owned.add(service);
                executor = service;
            }
            shards[i] = new TransactionLayer(b.sender, b.scheduler, settings.timers(), b.user, tokens, counters, executor);
        }
    }

    /** Starts building a stack that sends with {@code sender}, times with {@code scheduler} and serves {@code user}. */
    public static Builder builder(TransportSender sender, Scheduler scheduler, TransactionUser user) {
        return new Builder(sender, scheduler, user);
    }

    /** Builder of {@link SipStack}. */
    public static final class Builder {
        private final TransportSender sender;
        private final Scheduler scheduler;
        private final TransactionUser user;
        private SipStackSettings settings = SipStackSettings.defaults();
        private IntFunction<Executor> executors;
        private UniqueTokens tokens;
        private Predicate<Flow> sourceFilter = flow -> true;

        private Builder(TransportSender sender, Scheduler scheduler, TransactionUser user) {
            this.sender = Objects.requireNonNull(sender, "sender");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.user = Objects.requireNonNull(user, "user");
        }

        public Builder settings(SipStackSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * The executor of shard {@code i}, for {@code i} in {@code 0..shards-1}. Each must run its
         * tasks one at a time in submission order, and must not run them on the caller's
         * thread unless the whole stack is driven from one thread (tests). The stack does not
         * shut these down.
         */
        public Builder shardExecutors(IntFunction<Executor> factory) {
            this.executors = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Decides, before any parsing, whether a message from this flow is read at all; false
         * drops it silently (counted as dropped). Runs on the network thread for every
         * message, so it must be cheap and never block: a blocked-address set, not a lookup.
         */
        public Builder sourceFilter(Predicate<Flow> filter) {
            this.sourceFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** Fixed branch/tag prefix instead of a random one: for tests that compare bytes. */
        Builder tokens(UniqueTokens t) {
            this.tokens = t;
            return this;
        }

        public SipStack build() { return new SipStack(this); }
    }

    /** Called by {@code net} for every complete message; returns after queueing it (never blocks, never throws). */
    @Override
    public void onMessage(byte[] message, Flow flow) {
        if (!sourceFilter.test(flow)) {
            counters.dropped.increment();
            return;
        }
        int hash = CallIdHash.of(message);
        shards[index(hash)].receive(message, flow);
    }

    /**
     * Sends a request in a new client transaction (RFC 3261 §17.1). The stack adds our top Via
     * ({@code SIP/2.0/<transport> <sent-by>;branch=z9hG4bK...;rport}, RFC 3581) and
     * Max-Forwards 70 when absent, serialises the request on the calling thread and starts
     * the transaction on the Call-ID's shard. Callable from any thread.
     *
     * @throws IllegalArgumentException for ACK (see {@link #sendAck}) or a request lacking
     *                                  Call-ID, CSeq, From or To
     * @throws IllegalStateException    when no sent-by is configured for {@code transport}
     */
    public ClientTransaction sendRequest(SipRequest request, Transport transport, InetSocketAddress destination,
                                         ResponseListener listener) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(listener, "listener");
        if (request.isMethod("ACK")) {
            throw new IllegalArgumentException("ACK has no transaction: use sendAck (RFC 3261 §17.1.1.3)");
        }
        String branch = tokens.branch();
        SipRequest out = withOurVia(request, transport, branch);
        TransactionLayer layer = shards[index(CallIdHash.of(out.callId()))];
        BaseClientTransaction tx = out.isMethod("INVITE")
                ? new InviteClientTransaction(layer, branch, out, transport, destination, listener)
                : new NonInviteClientTransaction(layer, branch, out, transport, destination, listener);
        layer.start(tx);
        return tx;
    }

    /**
     * Sends the ACK for a 2xx, which is not part of any transaction (§13.2.2.4, §17.1.1.3):
     * adds our Via with a fresh branch and sends once. The TU re-sends it for each 2xx
     * retransmission. Callable from any thread.
     */
    public void sendAck(SipRequest ack, Transport transport, InetSocketAddress destination) {
        if (!ack.isMethod("ACK")) throw new IllegalArgumentException("not an ACK: " + ack.method());
        SipRequest out = withOurVia(ack, transport, tokens.branch());
        counters.requestsOut.increment();
        sender.send(transport, destination, out.toBytes(), TransportSender.SendResult.IGNORE);
    }

    /**
     * Sends the CANCEL of an INVITE client transaction (RFC 3261 §9.1) in a transaction of its
     * own: same Request-URI, Call-ID, From, To, Route and top Via (so the same branch) as the
     * INVITE, CSeq number of the INVITE with method CANCEL, to the INVITE's destination. The TU
     * sends it only after a provisional response arrived (§9.1), and still waits for the INVITE's
     * final response (487 usually). Callable from any thread.
     *
     * @throws IllegalArgumentException when {@code invite} is not an INVITE client transaction of this stack
     */
    public ClientTransaction cancel(ClientTransaction invite, ResponseListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!(invite instanceof InviteClientTransaction tx)) {
            throw new IllegalArgumentException("not an INVITE client transaction of this stack");
        }
        SipRequest sent = tx.request();
        Headers h = Headers.of(List.of());
        h = h.with(HeaderNames.VIA, sent.headers().first(HeaderNames.VIA).orElseThrow());
        for (String route : sent.headers().all(HeaderNames.ROUTE)) h = h.with(HeaderNames.ROUTE, route);
        h = h.with(HeaderNames.MAX_FORWARDS, "70")
                .with(HeaderNames.FROM, sent.headers().first(HeaderNames.FROM).orElseThrow())
                .with(HeaderNames.TO, sent.headers().first(HeaderNames.TO).orElseThrow())
                .with(HeaderNames.CALL_ID, sent.callId())
                .with(HeaderNames.CSEQ, sent.cseq().number() + " CANCEL");
        SipRequest cancel = new SipRequest("CANCEL", sent.uri(), h, new byte[0]);
        TransactionLayer layer = shards[index(CallIdHash.of(cancel.callId()))];
        NonInviteClientTransaction ctx = new NonInviteClientTransaction(layer, tx.branch(), cancel, tx.transport,
                tx.destination, listener);
        layer.start(ctx);
        return ctx;
    }

    /**
     * A new Call-ID whose messages are handled on the same shard as those of {@code callId}: a
     * B2BUA gives its outgoing legs such Call-IDs, so every event of one call runs on one thread,
     * in order, with no lock and no hop (about {@link #shardCount()} draws on average).
     */
    public String newCallIdBeside(String callId) {
        int shard = index(CallIdHash.of(callId));
        while (true) {
            String candidate = tokens.callId();
            if (index(CallIdHash.of(candidate)) == shard) return candidate;
        }
    }

    /** A new Call-ID (§8.1.1.4) for a request outside any dialog or call, unique to this instance. */
    public String newCallId() { return tokens.callId(); }

    /** A new tag for a From or To header (§19.3), unique to this instance. */
    public String newTag() { return tokens.tag(); }

    /**
     * An executor that runs tasks on the shard owning {@code callId}, serially with that call's
     * transaction events: for TU work that resumes after an asynchronous step.
     */
    public Executor executorFor(String callId) {
        TransactionLayer layer = shards[index(CallIdHash.of(callId))];
        return layer::execute;
    }

    /** Number of shards. */
    public int shardCount() { return shards.length; }

    /** The counters now. */
    public Stats stats() { return counters.snapshot(); }

    /** Stops the shard threads this stack created; executors given to the builder are left alone. */
    @Override
    public void close() {
        for (ExecutorService s : owned) s.shutdownNow();
    }

    private int index(int hash) {
        int h = hash ^ (hash >>> 16);
        return (h & 0x7fffffff) % shards.length;
    }

    private SipRequest withOurVia(SipRequest request, Transport transport, String branch) {
        Objects.requireNonNull(transport, "transport");
        Headers h = request.headers();
        for (String required : REQUIRED) {
            if (!h.has(required)) throw new IllegalArgumentException("request lacks " + required);
        }
        SentBy sentBy = settings.sentBy().get(transport);
        if (sentBy == null) throw new IllegalStateException("no Via sent-by configured for " + transport);
        h = h.withFirst(HeaderNames.VIA, "SIP/2.0/" + transport.viaName() + " " + sentBy + ";branch=" + branch + ";rport");
        if (!h.has(HeaderNames.MAX_FORWARDS)) h = h.with(HeaderNames.MAX_FORWARDS, "70");
        return request.withHeaders(h);
    }
}
