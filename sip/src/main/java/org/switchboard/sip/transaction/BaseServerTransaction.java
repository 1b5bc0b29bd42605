package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * The server side shared by figures 7 and 8 of RFC 3261: the request, where responses go
 * (computed once by {@link ResponseRouting}), the last response for retransmission, the To
 * tag, and the hop onto the shard when the TU answers from another thread.
 *
 * <p>A non-INVITE transaction {@linkplain #releaseRequest() lets go of its request} once its
 * final response is sent: a TU that still holds the transaction then holds a few hundred bytes
 * instead of the whole parsed request (the Completed state itself lives in the layer, see
 * {@link CompletedAnswers}).
 */
abstract sealed class BaseServerTransaction extends Transaction implements ServerTransaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    final ServerKey key;
    /** The request; null once {@link #releaseRequest()} ran. Written and mostly read on the shard. */
    private SipRequest request;
    final Flow flow;
    final Flow responseFlow;
    private final InetSocketAddress reconnect;
    private boolean reconnected;
    private String localTag;
    /** The last response sent, ready to re-send; null before the first. */
    byte[] lastResponse;
    int lastStatus;

    BaseServerTransaction(TransactionEnv env, ServerKey key, SipRequest request, Flow flow,
                          Flow responseFlow, InetSocketAddress reconnect) {
        super(env, flow.transport().reliable());
        this.key = key;
        this.request = request;
        this.flow = flow;
        this.responseFlow = responseFlow;
        this.reconnect = reconnect;
    }

    @Override
    public final SipRequest request() {
        SipRequest r = request;
        if (r == null) {
            throw new IllegalStateException("a completed non-INVITE transaction keeps only its response, not the request");
        }
        return r;
    }

    @Override
    public final Flow flow() { return flow; }

    @Override
    public final synchronized String localTag() {
        if (localTag == null) {
            SipRequest r = request;
            localTag = (r == null ? Optional.<String>empty() : requestToTag(r)).orElseGet(env.tokens()::tag);
        }
        return localTag;
    }

    /**
     * Forgets the request, keeping its To tag if it has one (so {@link #localTag()} answers as
     * before): for a completed non-INVITE transaction, which needs only its last response.
     * After this {@link #request()} throws. On the shard.
     */
    final synchronized void releaseRequest() {
        SipRequest r = request;
        if (r == null) return;
        if (localTag == null) localTag = requestToTag(r).orElse(null);
        request = null;
    }

    /** The request's To tag; skips parsing the To header when the text cannot hold one (most requests). */
    private static Optional<String> requestToTag(SipRequest request) {
        String to = request.headers().first(HeaderNames.TO).orElse("");
        for (int i = to.length() - 3; i >= 0; i--) {
            if (to.regionMatches(true, i, "tag", 0, 3)) return request.to().tag();
        }
        return Optional.empty();
    }

    @Override
    public final void respond(SipResponse response) {
        if (env.onShard()) onTuResponse(response);
        else env.execute(() -> onTuResponse(response));
    }

    @Override
    public final void abandon() {
        Runnable end = () -> {
            if (!answered()) terminate();
        };
        if (env.onShard()) end.run();
        else env.execute(end);
    }

    /** The TU passes a response down (on the shard). */
    abstract void onTuResponse(SipResponse response);

    /** A retransmission of the request arrived (ACK is {@link InviteServerTransaction#onAck}). */
    abstract void onRetransmission();

    /** True once a final response went out. */
    final boolean answered() { return lastStatus >= 200; }

    /** Sends a new response and keeps it for retransmission. */
    final void send(SipResponse response) {
        keep(response);
        resend();
    }

    /** Makes {@code response} the one {@link #resend()} sends. */
    final void keep(SipResponse response) {
        lastResponse = response.toBytes();
        lastStatus = response.status();
    }

    final void resend() {
        env.counters().responsesOut.increment();
        env.sender().send(responseFlow, lastResponse, this);
    }

    /** Answers 500 when the TU failed before sending a final response. */
    final void answerServerError() {
        if (!answered() && !isTerminated()) {
            SipResponse r = SipResponse.to(request(), 500, "Server Internal Error", localTag());
            onTuResponse(r.withHeaders(r.headers().with(HeaderNames.RETRY_AFTER, "5")));
        }
    }

    final void notifyFailure(TransactionFailure failure) {
        try {
            env.user().onServerFailure(this, failure);
        } catch (RuntimeException e) {
            env.tuFailed("onServerFailure", e);
        }
    }

    @Override
    void sendFailed() {
        // §18.2.2: when the connection is gone, open one to the source IP and sent-by port, once.
        if (reliable && !reconnected && lastResponse != null && reconnect != null) {
            reconnected = true;
            env.sender().send(flow.transport(), reconnect, lastResponse, this);
            return;
        }
        super.sendFailed();
    }
}
