package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.HeaderField;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Transport;

/**
 * The INVITE client transaction: RFC 3261 §17.1.1, figure 5, as corrected by RFC 6026 §7.2
 * (a 2xx leads to Accepted, where 2xx retransmissions still reach the TU, until Timer M).
 *
 * <pre>
 *                                |INVITE from TU
 *              Timer A fires     |INVITE sent          Timer B fires
 *              Reset A,          V                     or Transport Err.
 *              INVITE sent +-----------+               inform TU
 *                +---------|           |----------------------------+
 *                |         |  Calling  |                            |
 *                +-------->|           |--------------+             |
 *                          +-----------+ 2xx          |             |
 *     300-699                 |  |       2xx to TU    |             |
 *     ACK sent                |  |1xx                 |             |
 *     resp. to TU  +----------+  |1xx to TU           |             |
 *                  |             V                    |             |
 *                  | 1xx   +-----------+              |             |
 *                  | to TU |           | 2xx          V             |
 *                  |   +---|Proceeding |--------> +----------+      |
 *                  |   +-->|           | 2xx to TU | Accepted |<-+  |
 *                  |       +-----------+           +----------+  |  |
 *                  |  300-699    |                  |   |  2xx   |  |
 *                  |  ACK sent,  |                  |   +--------+  |
 *                  |  resp. to TU|                  |   2xx to TU   |
 *                  V             V                  |               |
 *     300-699   +-----------+  Transport Err.       | Timer M fires |
 *     ACK sent  |           |  -                    | -             |
 *          +----| Completed |-----------------+     |               |
 *          +--->|           |                 |     |               |
 *               +-----------+                 |     |               |
 *                     | Timer D fires         |     |               |
 *                     | -                     V     V               V
 *                     +-------------------> +-----------------------------+
 *                                           |         Terminated          |
 *                                           +-----------------------------+
 * </pre>
 *
 * Timer A (retransmission) starts at T1 and doubles without the T2 cap (§17.1.1.2); it does
 * not run on reliable transports. Timer B (64*T1) only matters in Calling: once a provisional
 * arrives the TU decides how long to wait. Timer D is zero on reliable transports. A
 * transport error in Completed ends the transaction without a second report to the TU,
 * which already has its final response.
 */
final class InviteClientTransaction extends BaseClientTransaction {

    enum State {
        CALLING {
            @Override
            void onResponse(InviteClientTransaction tx, SipResponse r) {
                tx.cancelTimer(TransactionTimer.A);
                tx.cancelTimer(TransactionTimer.B);
                if (r.provisional()) {
                    tx.state = PROCEEDING;
                    tx.deliver(r);
                } else {
                    tx.finalResponse(r);
                }
            }

            @Override
            void onTimer(InviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.A) {
                    tx.interval = tx.interval.multipliedBy(2);
                    tx.startTimer(TransactionTimer.A, tx.interval);
                    tx.sendRequest();
                } else if (timer == TransactionTimer.B) {
                    tx.terminate();
                    tx.fail(TransactionFailure.TIMEOUT);
                }
            }

            @Override
            void onTransportError(InviteClientTransaction tx) {
                tx.terminate();
                tx.fail(TransactionFailure.TRANSPORT_ERROR);
            }
        },
        PROCEEDING {
            @Override
            void onResponse(InviteClientTransaction tx, SipResponse r) {
                if (r.provisional()) tx.deliver(r);
                else tx.finalResponse(r);
            }
        },
        COMPLETED {
            @Override
            void onResponse(InviteClientTransaction tx, SipResponse r) {
                if (r.status() >= 300) tx.send(tx.ack);   // a retransmitted final: ACK again, absorb
            }

            @Override
            void onTimer(InviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.D) tx.terminate();
            }

            @Override
            void onTransportError(InviteClientTransaction tx) { tx.terminate(); }
        },
        ACCEPTED {
            @Override
            void onResponse(InviteClientTransaction tx, SipResponse r) {
                if (r.success()) tx.deliver(r);   // RFC 6026: each 2xx goes to the TU, which ACKs it
            }

            @Override
            void onTimer(InviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.M) tx.terminate();
            }
        },
        TERMINATED;

        void onResponse(InviteClientTransaction tx, SipResponse r) { }

        void onTimer(InviteClientTransaction tx, TransactionTimer timer) { }

        void onTransportError(InviteClientTransaction tx) { }
    }

    State state = State.CALLING;
    private Duration interval;
    private byte[] ack;

    InviteClientTransaction(TransactionEnv env, String branch, SipRequest request, Transport transport,
                            InetSocketAddress destination, ResponseListener listener) {
        super(env, branch, request, transport, destination, listener);
        this.interval = env.timers().timerA();
    }

    @Override
    public boolean isInvite() { return true; }

    @Override
    void start() {
        if (!reliable) startTimer(TransactionTimer.A, interval);
        startTimer(TransactionTimer.B, env.timers().timerB());
        sendRequest();
    }

    @Override
    void onResponse(SipResponse response) { state.onResponse(this, response); }

    @Override
    void onTimer(TransactionTimer timer) { state.onTimer(this, timer); }

    @Override
    void onTransportError() { state.onTransportError(this); }

    @Override
    boolean isTerminated() { return state == State.TERMINATED; }

    @Override
    void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        cancelTimers();
        env.terminated(this);
    }

    /** Calling or Proceeding got a final response. */
    private void finalResponse(SipResponse r) {
        if (r.success()) {
            state = State.ACCEPTED;
            startTimer(TransactionTimer.M, env.timers().timerM());
        } else {
            Duration d = env.timers().timerD(reliable);
            if (d.isZero()) {
                terminate();
            } else {
                state = State.COMPLETED;
                startTimer(TransactionTimer.D, d);
            }
            ack = ackFor(r).toBytes();
            send(ack);
        }
        deliver(r);
    }

    /**
     * The ACK for a non-2xx final response (§17.1.1.3): the INVITE's Request-URI, top Via,
     * Call-ID, From, Route and CSeq number; the response's To (with its tag).
     */
    SipRequest ackFor(SipResponse response) {
        Headers src = request.headers();
        List<HeaderField> h = new ArrayList<>(8);
        h.add(new HeaderField(HeaderNames.VIA, src.first(HeaderNames.VIA).orElseThrow()));
        h.add(new HeaderField(HeaderNames.MAX_FORWARDS, "70"));
        for (String route : src.all(HeaderNames.ROUTE)) h.add(new HeaderField(HeaderNames.ROUTE, route));
        h.add(new HeaderField(HeaderNames.FROM, src.first(HeaderNames.FROM).orElseThrow()));
        h.add(new HeaderField(HeaderNames.TO, response.headers().first(HeaderNames.TO).orElseThrow()));
        h.add(new HeaderField(HeaderNames.CALL_ID, src.first(HeaderNames.CALL_ID).orElseThrow()));
        h.add(new HeaderField(HeaderNames.CSEQ, request.cseq().number() + " ACK"));
        return new SipRequest("ACK", request.uri(), Headers.of(h), null);
    }
}
