package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.transport.Flow;

class NonInviteServerTransactionTest {

    private final TestEnv env = new TestEnv();
    private final SipRequest register = Sip.request("REGISTER", "z9hG4bKpeer.2");

    private NonInviteServerTransaction create(Flow flow) {
        Via top = register.topVia();
        return new NonInviteServerTransaction(env, ServerKey.of(register, top), register, flow,
                ResponseRouting.responseFlow(top, flow), ResponseRouting.reconnectAddress(top, flow));
    }

    @Test
    void retransmissionWhileTryingIsAbsorbedSilently() {
        NonInviteServerTransaction tx = create(Sip.udp());
        tx.onRetransmission();
        assertThat(env.sender.sent()).isEmpty();
        assertThat(tx.state).isEqualTo(NonInviteServerTransaction.State.TRYING);
    }

    @Test
    void finalResponseOverUdpIsKeptByTheLayerUntilTimerJ() {
        NonInviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(register, 200));
        // the object ends at once; Completed lives on as (key -> response) in the layer
        assertThat(tx.state).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(env.terminated).containsExactly(tx);
        assertThat(env.clock.pending()).isZero();   // no Timer J per transaction

        env.advanceSeconds(31.9);
        CompletedAnswers.Answer kept = env.keptAnswer(tx.key);
        assertThat(kept).isNotNull();
        assertThat(kept.response()).isEqualTo(env.sender.last().bytes());
        assertThat(kept.flow()).isEqualTo(Sip.udp());
        env.advanceSeconds(0.1);   // Timer J = 64*T1
        assertThat(env.keptAnswer(tx.key)).isNull();
        assertThat(env.sender.sent()).hasSize(1);   // the server never retransmits on its own
    }

    @Test
    void theRequestIsReleasedOnceAnswered() {
        NonInviteServerTransaction tx = create(Sip.udp());
        String tag = tx.localTag();
        tx.respond(Sip.response(register, 200));
        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);
        assertThat(tx.localTag()).isEqualTo(tag);
    }

    @Test
    void provisionalIsResentInProceeding() {
        NonInviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(register, 100));
        tx.onRetransmission();
        assertThat(tx.state).isEqualTo(NonInviteServerTransaction.State.PROCEEDING);
        assertThat(env.sender.sent()).extracting(s -> s.response().status()).containsExactly(100, 100);
    }

    @Test
    void onlyTheFirstFinalResponseCounts() {
        NonInviteServerTransaction tx = create(Sip.udp());
        tx.respond(Sip.response(register, 401));
        tx.respond(Sip.response(register, 200));
        assertThat(env.sender.sent()).extracting(s -> s.response().status()).containsExactly(401);
        assertThat(env.keptAnswer(tx.key).response()).isEqualTo(env.sender.last().bytes());
    }

    @Test
    void overTcpTerminatesAsSoonAsTheFinalResponseIsSent() {
        NonInviteServerTransaction tx = create(Sip.tcp());
        tx.respond(Sip.response(register, 200));
        assertThat(tx.state).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(env.sender.last().flow()).isEqualTo(Sip.tcp());
        assertThat(env.clock.pending()).isZero();
    }

    @Test
    void transportErrorAfterTheFinalResponseInformsTheTu() {
        NonInviteServerTransaction tx = create(Sip.udp());
        env.sender.failNext(1);
        tx.respond(Sip.response(register, 200));
        assertThat(tx.state).isEqualTo(NonInviteServerTransaction.State.TERMINATED);
        assertThat(env.user.failures).containsExactly(TransactionFailure.TRANSPORT_ERROR);
        assertThat(env.keptAnswer(tx.key)).isNull();   // nothing left to repeat
    }

    @Test
    void overTcpNothingIsKept() {
        NonInviteServerTransaction tx = create(Sip.tcp());
        tx.respond(Sip.response(register, 200));
        assertThat(env.keptAnswer(tx.key)).isNull();
    }
}
