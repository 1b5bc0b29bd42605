package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.Transport;

class NonInviteClientTransactionTest {

    private final TestEnv env = new TestEnv();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest options = Sip.request("OPTIONS", "z9hG4bKtest.2");

    private NonInviteClientTransaction start(Transport transport) {
        NonInviteClientTransaction tx = new NonInviteClientTransaction(env, "z9hG4bKtest.2", options, transport, Sip.PEER, listener);
        tx.start();
        return tx;
    }

    @Test
    void overUdpRetransmitsDoublingUpToT2ThenTimerFReportsTimeout() {
        NonInviteClientTransaction tx = start(Transport.UDP);

        env.advanceSeconds(31.9);
        assertThat(env.sender.times())
                .containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        env.advanceSeconds(0.1);
        assertThat(listener.failures).containsExactly(TransactionFailure.TIMEOUT);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(env.clock.pending()).isZero();
    }

    @Test
    void inProceedingRetransmitsEveryT2() {
        NonInviteClientTransaction tx = start(Transport.UDP);
        env.advanceSeconds(0.7);
        tx.onResponse(Sip.response(options, 100));
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.PROCEEDING);

        env.advanceSeconds(10.0);   // to 10.7 s
        assertThat(env.sender.times()).containsExactly(0.0, 0.5, 1.5, 5.5, 9.5);
        assertThat(listener.statuses()).containsExactly(100);
    }

    @Test
    void finalResponseIsDeliveredOnceThenTimerKEndsTheTransaction() {
        NonInviteClientTransaction tx = start(Transport.UDP);
        tx.onResponse(Sip.response(options, 200));
        tx.onResponse(Sip.response(options, 200));

        assertThat(listener.statuses()).containsExactly(200);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.COMPLETED);
        env.advanceSeconds(10);
        assertThat(env.sender.sent()).hasSize(1);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
    }

    @Test
    void timerKIsT4() {
        NonInviteClientTransaction tx = start(Transport.UDP);
        tx.onResponse(Sip.response(options, 404));
        env.advanceSeconds(4.9);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.COMPLETED);
        env.advanceSeconds(0.1);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
    }

    @Test
    void overTcpNoRetransmissionAndTerminatedAtTheFinalResponse() {
        NonInviteClientTransaction tx = start(Transport.TLS);
        env.advanceSeconds(20);
        assertThat(env.sender.sent()).hasSize(1);
        tx.onResponse(Sip.response(options, 200));
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
        assertThat(listener.statuses()).containsExactly(200);
    }

    @Test
    void transportErrorOnARetransmissionIsReported() {
        NonInviteClientTransaction tx = start(Transport.UDP);
        env.sender.failNext(1);
        env.advanceSeconds(0.5);
        assertThat(listener.failures).containsExactly(TransactionFailure.TRANSPORT_ERROR);
        assertThat(tx.state).isEqualTo(NonInviteClientTransaction.State.TERMINATED);
    }
}
