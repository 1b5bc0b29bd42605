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
 *
 * <p>Completed is not a state of this object: all it does there is re-send the final response
 * for each retransmission until Timer J, so on an unreliable transport the transaction hands
 * its key, response and response flow to the layer ({@link TransactionEnv#keepAnswer}, kept in
 * {@link CompletedAnswers}) and ends; hundreds of thousands of completed REGISTER transactions
 * then cost a map entry each instead of an object and a timer. A transport error on the final
 * response itself still informs the TU and withdraws the answer; a re-sent answer that fails is
 * not reported (the peer retransmits, or its Timer F ends its transaction).
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
        /** After the final response; on unreliable transports the layer answers retransmissions until Timer J. */
        TERMINATED;

        /** Default: a response from the TU is not accepted any more and is dropped. */
        void onTuResponse(NonInviteServerTransaction tx, SipResponse r) { }

        /** Default: absorb. */
        void onRetransmission(NonInviteServerTransaction tx) { }

        void onTimer(NonInviteServerTransaction tx, TransactionTimer timer) { }

        void onTransportError(NonInviteServerTransaction tx) { }
    }

    State state = State.TRYING;
    /** True while the layer keeps our final response and it is not known to have failed. */
    private boolean answerKept;

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

    /** The final response: Completed lives on in the layer for Timer J (unreliable), then Terminated. */
    private void complete(SipResponse r) {
        keep(r);
        Duration j = env.timers().timerJ(reliable);
        if (!j.isZero()) {
            env.keepAnswer(key, lastResponse, responseFlow, j);
            answerKept = true;
        }
        terminate();
        resend();
        releaseRequest();
    }

    @Override
    void sendFailed() {
        if (answerKept) {
            // the final response did not leave (§17.2.4): nothing to repeat; the TU hears of it
            answerKept = false;
            env.forgetAnswer(key);
            notifyFailure(TransactionFailure.TRANSPORT_ERROR);
            return;
        }
        super.sendFailed();
    }

    private void transportError() {
        terminate();
        notifyFailure(TransactionFailure.TRANSPORT_ERROR);
    }
}
