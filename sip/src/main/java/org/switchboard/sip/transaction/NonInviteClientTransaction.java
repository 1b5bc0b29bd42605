package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Transport;

/**
 * The non-INVITE client transaction: RFC 3261 §17.1.2, figure 6.
 *
 * <pre>
 *                                    |Request from TU
 *                                    |send request
 *                Timer E             V
 *                send request  +-----------+
 *                    +---------|           |-------------------+
 *                    |         |  Trying   |  Timer F          |
 *                    +-------->|           |  or Transport Err.|
 *                              +-----------+  inform TU        |
 *                 200-699         |  |                         |
 *                 resp. to TU     |  |1xx                      |
 *                 +---------------+  |resp. to TU              |
 *                 |                  |                         |
 *                 |   Timer E        V       Timer F           |
 *                 |   send req +-----------+ or Transport Err. |
 *                 |  +---------|           | inform TU         |
 *                 |  |         |Proceeding |------------------>|
 *                 |  +-------->|           |-----+             |
 *                 |            +-----------+     |1xx          |
 *                 |              |      ^        |resp to TU   |
 *                 | 200-699      |      +--------+             |
 *                 | resp. to TU  |                             |
 *                 |              |                             |
 *                 |              V                             |
 *                 |            +-----------+                   |
 *                 |            |           |                   |
 *                 |            | Completed |                   |
 *                 |            |           |                   |
 *                 |            +-----------+                   |
 *                 |              ^   |                         |
 *                 |              |   | Timer K                 |
 *                 +--------------+   | -                       |
 *                                    |                         |
 *                                    V                         |
 *              NOTE:           +-----------+                   |
 *                              |           |                   |
 *          transitions         | Terminated|<------------------+
 *          labeled with        |           |
 *          the event           +-----------+
 *          over the action
 *          to take
 * </pre>
 *
 * Timer E starts at T1 and doubles up to T2 in Trying; in Proceeding it is reset to T2. It
 * does not run on reliable transports. Timer F is 64*T1; Timer K is T4, zero on reliable
 * transports. Retransmitted final responses are absorbed in Completed.
 */
final class NonInviteClientTransaction extends BaseClientTransaction {

    enum State {
        TRYING {
            @Override
            void onResponse(NonInviteClientTransaction tx, SipResponse r) {
                if (r.provisional()) {
                    tx.state = PROCEEDING;
                    tx.deliver(r);
                } else {
                    tx.complete(r);
                }
            }

            @Override
            void onTimer(NonInviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.E) tx.retransmit(tx.env.timers().doubled(tx.interval, true));
                else if (timer == TransactionTimer.F) tx.timeout();
            }

            @Override
            void onTransportError(NonInviteClientTransaction tx) { tx.transportError(); }
        },
        PROCEEDING {
            @Override
            void onResponse(NonInviteClientTransaction tx, SipResponse r) {
                if (r.provisional()) tx.deliver(r);
                else tx.complete(r);
            }

            @Override
            void onTimer(NonInviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.E) tx.retransmit(tx.env.timers().t2());
                else if (timer == TransactionTimer.F) tx.timeout();
            }

            @Override
            void onTransportError(NonInviteClientTransaction tx) { tx.transportError(); }
        },
        COMPLETED {
            @Override
            void onTimer(NonInviteClientTransaction tx, TransactionTimer timer) {
                if (timer == TransactionTimer.K) tx.terminate();
            }
        },
        TERMINATED;

        /** Default: absorb (retransmitted final responses in Completed). */
        void onResponse(NonInviteClientTransaction tx, SipResponse r) { }

        void onTimer(NonInviteClientTransaction tx, TransactionTimer timer) { }

        void onTransportError(NonInviteClientTransaction tx) { }
    }

    State state = State.TRYING;
    private Duration interval;

    NonInviteClientTransaction(TransactionEnv env, String branch, SipRequest request, Transport transport,
                               InetSocketAddress destination, ResponseListener listener) {
        super(env, branch, request, transport, destination, listener);
        this.interval = env.timers().timerE();
    }

    @Override
    public boolean isInvite() { return false; }

    @Override
    void start() {
        if (!reliable) startTimer(TransactionTimer.E, interval);
        startTimer(TransactionTimer.F, env.timers().timerF());
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

    private void retransmit(Duration next) {
        interval = next;
        startTimer(TransactionTimer.E, next);
        sendRequest();
    }

    private void timeout() {
        terminate();
        fail(TransactionFailure.TIMEOUT);
    }

    private void transportError() {
        terminate();
        fail(TransactionFailure.TRANSPORT_ERROR);
    }

    private void complete(SipResponse r) {
        cancelTimer(TransactionTimer.E);
        cancelTimer(TransactionTimer.F);
        Duration k = env.timers().timerK(reliable);
        if (k.isZero()) {
            terminate();
        } else {
            state = State.COMPLETED;
            startTimer(TransactionTimer.K, k);
        }
        deliver(r);
    }
}
