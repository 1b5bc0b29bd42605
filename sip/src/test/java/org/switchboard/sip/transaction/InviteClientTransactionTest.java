package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.Transport;

class InviteClientTransactionTest {

    private final TestEnv env = new TestEnv();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest invite = Sip.request("INVITE", "z9hG4bKtest.1");

    private InviteClientTransaction start(Transport transport) {
        InviteClientTransaction tx = new InviteClientTransaction(env, "z9hG4bKtest.1", invite, transport, Sip.PEER, listener);
        tx.start();
        return tx;
    }

    @Test
    void overUdpRetransmitsAtDoublingIntervalsThenTimerBReportsTimeout() {
        InviteClientTransaction tx = start(Transport.UDP);

        env.advanceSeconds(31.9);
        assertThat(env.sender.times()).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5);
        assertThat(listener.failures).isEmpty();

        env.advanceSeconds(0.1);   // 64*T1 = 32 s
        assertThat(listener.failures).containsExactly(TransactionFailure.TIMEOUT);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(env.terminated).containsExactly(tx);
        assertThat(env.clock.pending()).isZero();
        assertThat(env.sender.last().request().method()).isEqualTo("INVITE");
    }

    @Test
    void followsConfiguredT1() {
        TestEnv fast = new TestEnv(TimerSettings.of(Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(5)));
        new InviteClientTransaction(fast, "z9hG4bKtest.1", invite, Transport.UDP, Sip.PEER, listener).start();

        fast.advanceMillis(6_400);
        assertThat(fast.sender.times()).containsExactly(0.0, 0.1, 0.3, 0.7, 1.5, 3.1, 6.3);
        assertThat(listener.failures).containsExactly(TransactionFailure.TIMEOUT);
    }

    @Test
    void provisionalStopsRetransmissionsAndTimerB() {
        InviteClientTransaction tx = start(Transport.UDP);
        env.advanceSeconds(0.7);
        tx.onResponse(Sip.response(invite, 180));

        env.advanceSeconds(120);
        assertThat(env.sender.times()).containsExactly(0.0, 0.5);
        assertThat(listener.statuses()).containsExactly(180);
        assertThat(listener.failures).isEmpty();
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.PROCEEDING);
    }

    @Test
    void successGoesToAcceptedPassesEvery2xxUpAndEndsWithTimerM() {
        InviteClientTransaction tx = start(Transport.UDP);
        tx.onResponse(Sip.response(invite, 100));
        tx.onResponse(Sip.response(invite, 200));
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.ACCEPTED);

        env.advanceSeconds(4);
        tx.onResponse(Sip.response(invite, 200));   // retransmitted 2xx: the TU must ACK it again
        assertThat(listener.statuses()).containsExactly(100, 200, 200);
        assertThat(env.sender.sent()).hasSize(1);   // the transaction never ACKs a 2xx

        env.advanceSeconds(28);   // Timer M = 64*T1 after the first 2xx
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.TERMINATED);
    }

    @Test
    void failureIsAckedInsideTheTransactionAndRetransmissionsAreAbsorbedUntilTimerD() {
        InviteClientTransaction tx = start(Transport.UDP);
        tx.onResponse(Sip.response(invite, 486));

        SipRequest ack = env.sender.last().request();
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.uri()).isEqualTo(invite.uri());
        assertThat(ack.topVia().branch()).contains("z9hG4bKtest.1");
        assertThat(ack.to().tag()).contains("b7");
        assertThat(ack.cseq().toString()).isEqualTo("1 ACK");
        assertThat(ack.from()).isEqualTo(invite.from());
        assertThat(listener.statuses()).containsExactly(486);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.COMPLETED);

        tx.onResponse(Sip.response(invite, 486));
        assertThat(env.sender.sent()).hasSize(3);
        assertThat(env.sender.last().request().method()).isEqualTo("ACK");
        assertThat(listener.statuses()).containsExactly(486);

        env.advanceSeconds(31.9);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.COMPLETED);
        env.advanceSeconds(0.1);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.TERMINATED);
    }

    @Test
    void overTcpNeverRetransmitsAndEndsAtOnceAfterAFailure() {
        InviteClientTransaction tx = start(Transport.TCP);
        env.advanceSeconds(20);
        assertThat(env.sender.sent()).hasSize(1);

        tx.onResponse(Sip.response(invite, 603));
        assertThat(env.sender.last().request().method()).isEqualTo("ACK");
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(listener.statuses()).containsExactly(603);
    }

    @Test
    void overTcpTimerBStillRuns() {
        start(Transport.TCP);
        env.advanceSeconds(32);
        assertThat(listener.failures).containsExactly(TransactionFailure.TIMEOUT);
    }

    @Test
    void transportErrorWhileCallingIsReportedOnce() {
        env.sender.failNext(1);
        InviteClientTransaction tx = start(Transport.UDP);

        assertThat(listener.failures).containsExactly(TransactionFailure.TRANSPORT_ERROR);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.TERMINATED);
        assertThat(env.clock.pending()).isZero();
        env.advanceSeconds(40);
        assertThat(listener.failures).hasSize(1);
    }

    @Test
    void aThrowingListenerDoesNotBreakTheTransaction() {
        ResponseListener throwing = new ResponseListener() {
            @Override public void onResponse(org.switchboard.sip.message.SipResponse r) { throw new IllegalStateException("bug"); }
            @Override public void onFailure(TransactionFailure f) { throw new IllegalStateException("bug"); }
        };
        InviteClientTransaction tx = new InviteClientTransaction(env, "z9hG4bKtest.1", invite, Transport.UDP, Sip.PEER, throwing);
        tx.start();
        tx.onResponse(Sip.response(invite, 404));

        assertThat(env.tuErrors).hasSize(1);
        assertThat(tx.state).isEqualTo(InviteClientTransaction.State.COMPLETED);
    }
}
