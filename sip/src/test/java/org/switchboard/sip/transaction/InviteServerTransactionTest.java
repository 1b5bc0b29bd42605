package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.transport.Flow;

class InviteServerTransactionTest {

    private final TestEnv env = new TestEnv();
    private final SipRequest invite = Sip.request("INVITE", "z9hG4bKpeer.1");

    private InviteServerTransaction create(Flow flow) {
        Via top = invite.topVia();
        InviteServerTransaction tx = new InviteServerTransaction(env, ServerKey.of(invite, top), invite, flow,
                ResponseRouting.responseFlow(top, flow), ResponseRouting.reconnectAddress(top, flow));
        tx.awaitTu();
        return tx;
    }

    private SipRequest ack() { return Sip.request("ACK", "z9hG4bKpeer.1"); }

    @Test
    void sendsTryingWhenTheTuIsSilentFor200Ms() {
        create(Sip.udp());
        env.advanceMillis(199);
        assertThat(env.sender.sent()).isEmpty();
        env.advanceMillis(1);
        assertThat(env.sender.sent()).hasSize(1);
        assertThat(env.sender.last().response().status()).isEqualTo(100);
        assertThat(env.sender.last().response().to().tag()).isEmpty();
    }

    @Test
    void noTryingWhenTheTuAnswersInTime() {
        InviteServerTransaction tx = create(Sip.udp());
        env.advanceMillis(50);
        tx.respond(Sip.response(invite, 180));
        env.advanceMillis(500);
        assertThat(env.sender.sent()).extracting(s -> s.response().status()).containsExactly(180);
    }

    @Test
    void retransmittedInviteInProceedingGetsTheLastProvisionalAgain() {
        InviteServerTransaction tx = create(Sip.udp());
        tx.onRetransmission();
        assertThat(env.sender.sent()).isEmpty();
        tx.respond(Sip.response(invite, 180));
        tx.onRetransmission();
        assertThat(env.sender.sent()).extracting(s -> s.response().status()).containsExactly(180, 180);
    }

    @Test
    void failureIsRetransmittedByTimerGUntilAckThenConfirmedThenTimerIEnds() {
        InviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(invite, 486));
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.COMPLETED);

        env.advanceSeconds(7.6);
        assertThat(env.sender.times()).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5);
        tx.onRetransmission();   // a retransmitted INVITE gets the 486 again
        assertThat(env.sender.sent()).hasSize(6);

        tx.onAck(ack());
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        env.advanceSeconds(4.9);
        assertThat(env.sender.sent()).hasSize(6);   // no more 486 after the ACK
        tx.onAck(ack());                             // ACK retransmissions are absorbed
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.CONFIRMED);
        env.advanceSeconds(0.1);                     // Timer I = T4
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(env.user.failures).isEmpty();
    }

    @Test
    void timerGIsCappedAtT2AndTimerHReportsAMissingAck() {
        InviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(invite, 500));
        env.advanceSeconds(31.9);
        assertThat(env.sender.times())
                .containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        env.advanceSeconds(0.1);
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(env.user.failures).containsExactly(TransactionFailure.TIMEOUT);
    }

    @Test
    void successGoesToAcceptedAbsorbsInviteRetransmissionsAndEndsWithTimerL() {
        InviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(invite, 200));
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.ACCEPTED);

        tx.onRetransmission();
        assertThat(env.sender.sent()).hasSize(1);   // absorbed: the 2xx is the TU's to repeat
        env.advanceSeconds(0.5);
        tx.respond(Sip.response(invite, 200));    // the TU's own 2xx retransmission goes out
        assertThat(env.sender.sent()).hasSize(2);
        tx.respond(Sip.response(invite, 486));    // but nothing else
        assertThat(env.sender.sent()).hasSize(2);

        tx.onAck(ack());
        assertThat(env.user.acks).hasSize(1);

        env.advanceSeconds(31.4);
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.ACCEPTED);
        env.advanceSeconds(0.1);   // Timer L = 64*T1 after the 2xx
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.TERMINATED);
    }

    @Test
    void overTcpNoTimerGAndTheAckEndsTheTransaction() {
        InviteServerTransaction tx = create(Sip.tcp());
        tx.respond(Sip.response(invite, 486));
        env.advanceSeconds(10);
        assertThat(env.sender.sent()).hasSize(1);
        assertThat(env.sender.last().flow()).isEqualTo(Sip.tcp());
        tx.onAck(ack());
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.TERMINATED);
    }

    @Test
    void transportErrorInProceedingInformsTheTu() {
        InviteServerTransaction tx = create(Sip.udp());
        env.sender.failNext(1);
        tx.respond(Sip.response(invite, 180));
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.TERMINATED);
        assertThat(env.user.failures).containsExactly(TransactionFailure.TRANSPORT_ERROR);
    }

    @Test
    void overTcpALostConnectionIsRetriedOnANewOneToTheSentByPort() {
        InviteServerTransaction tx = create(Sip.tcp());
        env.sender.failNext(1);
        tx.respond(Sip.response(invite, 486));

        assertThat(env.sender.sent()).hasSize(2);
        assertThat(env.sender.last().flow()).isNull();
        assertThat(env.sender.last().to()).isEqualTo(new java.net.InetSocketAddress("192.0.2.10", 5060));
        assertThat(tx.state).isEqualTo(InviteServerTransaction.State.COMPLETED);
        assertThat(env.user.failures).isEmpty();
    }

    @Test
    void localTagIsStableAndReusedForEveryResponse() {
        InviteServerTransaction tx = create(Sip.udp());
        tx.respond(180, "Ringing");
        tx.respond(486, "Busy Here");
        assertThat(env.sender.sent()).extracting(s -> s.response().to().tag().orElseThrow())
                .containsExactly(tx.localTag(), tx.localTag());
    }
}
