package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * The non-INVITE server transaction: RFC 3261 §17.2.2, figure 8.
 *
 * <pre>
 *                                   |Request received
 *                                   |pass to TU
 *                                   V
 *                             +-----------+
 *                             |           |
 *                             | Trying    |-------------+
 *                             |           |             |
 *                             +-----------+             |200-699 from TU
 *                                   |                   |send response
 *                                   |1xx from TU        |
 *                                   |send response      |
 *                                   |                   |
 *                Request            V      1xx from TU  |
 *                send response+-----------+send response|
 *                    +--------|           |--------+    |
 *                    |        | Proceeding|        |    |
 *                    +------->|           |<-------+    |
 *             +<--------------|           |             |
 *             |Trnsprt Err    +-----------+             |
 *             |Inform TU            |                   |
 *             |                     |                   |
 *             |                     |200-699 from TU    |
 *             |                     |send response      |
 *             |  Request            V                   |
 *             |  send response+-----------+             |
 *             |      +--------|           |             |
 *             |      |        | Completed |<------------+
 *             |      +------->|           |
 *             +<--------------|           |
 *             |Trnsprt Err    +-----------+
 *             |Inform TU            |
 *             |                     |Timer J fires
 *             |                     |-
 *             |                     |
 *             |                     V
 *             |               +-----------+
 *             |               |           |
 *             +-------------->| Terminated|
 *                             |           |
 *                             +-----------+
 * </pre>
 *
 * Timer J is 64*T1 on unreliable transports and zero on reliable ones: over TCP the
 * transaction ends as soon as its final response is sent. Retransmissions in Trying are
 * absorbed silently (nothing has been sent yet).
 */
final class NonInviteServerTransaction extends BaseServerTransaction {

    enum State {
        TRYING {
            @Override
            void onTuResponse(NonInviteServerTransaction tx, SipResponse r) {
                if (r.provisional()) {
                    tx.state = PROCEEDING;
                    tx.send(r);
                } else {
                    tx.complete(r);
                }
            }
        },
        PROCEEDING {
            @Override
            void onTuResponse(NonInviteServerTransaction tx, SipResponse r) {
                if (r.provisional()) tx.send(r);
                else tx.complete(r);
            }

            @Override
            void onRetransmission(NonInviteServerTransaction tx) { tx.resend(); }

            @Override
            void onTransportError(NonInviteServerTransaction tx) { tx.transportError(); }
        },
        COMPLETED {
            @Override
            void onRetransmission(NonInviteServerTransaction tx) { tx.resend(); }

            @Override
            void onTimer(NonInviteServerTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.J) tx.terminate();
            }

            @Override
            void onTransportError(NonInviteServerTransaction tx) { tx.transportError(); }
        },
        TERMINATED;

        /** Default: a response from the TU is not accepted any more and is dropped. */
        void onTuResponse(NonInviteServerTransaction tx, SipResponse r) { }

        /** Default: absorb. */
        void onRetransmission(NonInviteServerTransaction tx) { }

        void onTimer(NonInviteServerTransaction tx, TransactionTimer timer) { }

        void onTransportError(NonInviteServerTransaction tx) { }
    }

    State state = State.TRYING;

    NonInviteServerTransaction(TransactionEnv env, ServerKey key, SipRequest request, Flow flow,
                               Flow responseFlow, InetSocketAddress reconnect) {
        super(env, key, request, flow, responseFlow, reconnect);
    }

    @Override
    public boolean isInvite() { return false; }

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

    private void complete(SipResponse r) {
        Duration j = env.timers().timerJ(reliable);
        if (j.isZero()) {
            terminate();
        } else {
            state = State.COMPLETED;
            startTimer(TransactionTimer.J, j);
        }
        send(r);
        // Completed: only the response is resent from now on (§17.2.2); Timer J may be 32 s long
        releaseRequest();
    }

    private void transportError() {
        terminate();
        notifyFailure(TransactionFailure.TRANSPORT_ERROR);
    }
}
