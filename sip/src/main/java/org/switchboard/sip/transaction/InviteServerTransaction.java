package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * The INVITE server transaction: RFC 3261 §17.2.1, figure 7, as corrected by RFC 6026 §7.1
 * (a 2xx leads to Accepted, which absorbs INVITE retransmissions until Timer L, so they are
 * not taken for new requests; the TU itself retransmits the 2xx, §13.3.1.4).
 *
 * <pre>
 *                                      |INVITE
 *                                      |pass INV to TU
 *                   INVITE             V send 100 if TU won't in 200 ms
 *                   send response +-----------+
 *                       +---------|           |--------+ 101-199 from TU
 *                       |         |Proceeding |        | send response
 *                       +-------->|           |<-------+
 *                                 |           | Transport Err.
 *                                 |           | Inform TU
 *                                 |           |--------------------------+
 *                                 +-----------+                          |
 *                    300-699 from TU |     |2xx from TU                  |
 *                    send response   |     |send response                |
 *                     +--------------+     +------------+                |
 *                     |                                 |                |
 *   INVITE            V          Timer G fires          |                |
 *   send response+-----------+   send response          V                |
 *        +-------|           |-------+        +-------------+  ACK       |
 *        |       | Completed |       |        |             |  to TU     |
 *        +------>|           |<------+  INVITE|  Accepted   |<---+       |
 *                +-----------+          -  +->|             |----+       |
 *                 |    |    |              +--|             |<---+       |
 *   Timer H fires |    |    | ACK             +-------------+    |       |
 *   or Transport  |    |    | -                  |      2xx from TU      |
 *   Err. inform TU|    |    V                      |      send response  |
 *                 |    | +-----------+             | Timer L fires       |
 *                 |    | | Confirmed |             | -                   |
 *                 |    | +-----------+             |                     |
 *                 |    |       | Timer I fires     |                     |
 *                 |    |       | -                 |                     |
 *                 V    V       V                   V                     V
 *                +-----------------------------------------------------------+
 *                |                        Terminated                         |
 *                +-----------------------------------------------------------+
 * </pre>
 *
 * Timer G starts at T1 and doubles up to T2 (unreliable only); Timer H is 64*T1; Timer I is
 * T4, zero on reliable transports; Timer L is 64*T1. The 100 Trying is sent only when the TU
 * has sent nothing within 200 ms ({@link TransactionTimer#TRYING}).
 */
final class InviteServerTransaction extends BaseServerTransaction {

    enum State {
        PROCEEDING {
            @Override
            void onTuResponse(InviteServerTransaction tx, SipResponse r) {
                tx.cancelTimer(TransactionTimer.TRYING);
                if (r.provisional()) {
                    tx.send(r);
                } else if (r.success()) {
                    tx.state = ACCEPTED;
                    tx.startTimer(TransactionTimer.L, tx.env.timers().timerL());
                    tx.send(r);
                } else {
                    tx.state = COMPLETED;
                    if (!tx.reliable) tx.startTimer(TransactionTimer.G, tx.interval);
                    tx.startTimer(TransactionTimer.H, tx.env.timers().timerH());
                    tx.send(r);
                }
            }

            @Override
            void onRetransmission(InviteServerTransaction tx) {
                if (tx.lastResponse != null) tx.resend();
            }

            @Override
            void onTimer(InviteServerTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.TRYING && tx.lastResponse == null) {
                    tx.send(tx.trying());
                }
            }

            @Override
            void onTransportError(InviteServerTransaction tx) {
                tx.terminate();
                tx.notifyFailure(TransactionFailure.TRANSPORT_ERROR);
            }
        },
        COMPLETED {
            @Override
            void onRetransmission(InviteServerTransaction tx) { tx.resend(); }

            @Override
            void onAck(InviteServerTransaction tx, SipRequest ack) {
                tx.cancelTimer(TransactionTimer.G);
                tx.cancelTimer(TransactionTimer.H);
                Duration i = tx.env.timers().timerI(tx.reliable);
                if (i.isZero()) {
                    tx.terminate();
                } else {
                    tx.state = CONFIRMED;
                    tx.startTimer(TransactionTimer.I, i);
                }
            }

            @Override
            void onTimer(InviteServerTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.G) {
                    tx.interval = tx.env.timers().doubled(tx.interval, true);
                    tx.startTimer(TransactionTimer.G, tx.interval);
                    tx.resend();
                } else if (timer == TransactionTimer.H) {
                    tx.terminate();
                    tx.notifyFailure(TransactionFailure.TIMEOUT);
                }
            }

            @Override
            void onTransportError(InviteServerTransaction tx) {
                tx.terminate();
                tx.notifyFailure(TransactionFailure.TRANSPORT_ERROR);
            }
        },
        CONFIRMED {
            @Override
            void onTimer(InviteServerTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.I) tx.terminate();
            }
        },
        ACCEPTED {
            @Override
            void onTuResponse(InviteServerTransaction tx, SipResponse r) {
                if (r.success()) tx.send(r);   // the TU's own 2xx retransmissions (§13.3.1.4)
            }

            @Override
            void onAck(InviteServerTransaction tx, SipRequest ack) { tx.ackToTu(ack); }

            @Override
            void onTimer(InviteServerTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.L) tx.terminate();
            }

            @Override
            void onTransportError(InviteServerTransaction tx) {
                tx.notifyFailure(TransactionFailure.TRANSPORT_ERROR);
            }
        },
        TERMINATED;

        /** Default: a response from the TU is not accepted any more and is dropped. */
        void onTuResponse(InviteServerTransaction tx, SipResponse r) { }

        /** Default: absorb (Confirmed, Accepted). */
        void onRetransmission(InviteServerTransaction tx) { }

        /** Default: absorb (Proceeding, Confirmed). */
        void onAck(InviteServerTransaction tx, SipRequest ack) { }

        void onTimer(InviteServerTransaction tx, TransactionTimer timer) { }

        void onTransportError(InviteServerTransaction tx) { }
    }

    State state = State.PROCEEDING;
    private Duration interval;

    InviteServerTransaction(TransactionEnv env, ServerKey key, SipRequest request, Flow flow,
                            Flow responseFlow, InetSocketAddress reconnect) {
        super(env, key, request, flow, responseFlow, reconnect);
        this.interval = env.timers().timerG();
    }

    @Override
    public boolean isInvite() { return true; }

    /** After the TU saw the INVITE: if it has not answered yet, 100 Trying follows in 200 ms. */
    void awaitTu() {
        if (state == State.PROCEEDING && lastResponse == null) {
            startTimer(TransactionTimer.TRYING, TimerSettings.TRYING_DELAY);
        }
    }

    /** An ACK with this transaction's branch: the ACK to our non-2xx (§17.2.1). */
    void onAck(SipRequest ack) { state.onAck(this, ack); }

    /** True while a CANCEL can still end the INVITE (no final response yet, §9.2). */
    boolean cancellable() { return state == State.PROCEEDING; }

    @Override
    void onTuResponse(SipResponse response) { state.onTuResponse(this, response); }

    @Override
    void onRetransmission() { state.onRetransmission(this); }

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

    /** 100 Trying, with the request's Timestamp copied (§8.2.6.1). */
    private SipResponse trying() {
        SipRequest request = request();
        SipResponse r = SipResponse.to(request, 100, "Trying", null);
        String timestamp = request.headers().first("Timestamp").orElse(null);
        return timestamp == null ? r : r.withHeaders(r.headers().with("Timestamp", timestamp));
    }

    private void ackToTu(SipRequest ack) {
        try {
            env.user().onAck(ack, flow);
        } catch (RuntimeException e) {
            env.tuFailed("onAck", e);
        }
    }
}
