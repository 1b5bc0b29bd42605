package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/** The stack driven from one thread: direct shard executors and a virtual clock. */
class SipStackTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeSender sender = new FakeSender(clock);
    private final RecordingUser user = new RecordingUser().answering((tx, r) -> tx.respond(200, "OK"));
    private final SipStack stack = SipStack.builder(sender, clock, user)
            .settings(SipStackSettings.defaults().withShards(4)
                    .withSentBy(Transport.UDP, new SentBy("198.51.100.1", 5060))
                    .withSentBy(Transport.TCP, new SentBy("198.51.100.1", 5060)))
            .shardExecutors(i -> Runnable::run)
            .tokens(new UniqueTokens("stk"))
            .build();

    private static byte[] register(String via) { return Sip.bytes("REGISTER", via, "reg-1@192.0.2.10"); }

    private static final String VIA = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKr1";

    @Test
    void requestGoesToTheTuAndItsResponseBackToTheSource() {
        stack.onMessage(register(VIA), Sip.udp());

        assertThat(user.requests).hasSize(1);
        assertThat(user.requests.getFirst().topVia().received()).isEmpty();
        FakeSender.Sent sent = sender.last();
        assertThat(sent.flow()).isEqualTo(Sip.udp());
        SipResponse ok = sent.response();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.topVia().branch()).contains("z9hG4bKr1");
        assertThat(ok.to().tag()).isPresent();
        assertThat(stack.stats()).extracting(Stats::requestsIn, Stats::responsesOut, Stats::serverTransactions)
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void retransmittedRequestIsAnsweredAgainWithoutTheTu() {
        stack.onMessage(register(VIA), Sip.udp());
        clock.advance(Duration.ofMillis(500));
        stack.onMessage(register(VIA), Sip.udp());

        assertThat(user.requests).hasSize(1);
        assertThat(sender.sent()).hasSize(2);
        assertThat(sender.sent().get(1).bytes()).isEqualTo(sender.sent().get(0).bytes());
        assertThat(stack.stats().retransmissionsAbsorbed()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(32));   // Timer J: the same request is now new again
        assertThat(stack.stats().serverTransactions()).isZero();
        stack.onMessage(register(VIA), Sip.udp());
        assertThat(user.requests).hasSize(2);
    }

    @Test
    void malformedRequestIsAnsweredStatelesslyWithTheParsersStatus() {
        String text = Sip.text("REGISTER", VIA, "bad-1", 1).replace("CSeq: 1 REGISTER", "CSeq: 1 INVITE");
        stack.onMessage(text.getBytes(StandardCharsets.UTF_8), Sip.udp());

        assertThat(user.requests).isEmpty();
        SipResponse r = sender.last().response();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isNotBlank().doesNotContain("Exception");
        assertThat(r.to().tag()).isPresent();
        assertThat(r.topVia().branch()).contains("z9hG4bKr1");
        assertThat(sender.last().flow()).isEqualTo(Sip.udp());
        assertThat(stack.stats()).extracting(Stats::parseFailures, Stats::statelessResponses, Stats::serverTransactions)
                .containsExactly(1L, 1L, 0L);
    }

    @Test
    void garbageIsDroppedSilently() {
        stack.onMessage("\u0000\u0001 hello there\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), Sip.udp());
        stack.onMessage(new byte[0], Sip.udp());

        assertThat(sender.sent()).isEmpty();
        assertThat(user.requests).isEmpty();
        assertThat(stack.stats()).extracting(Stats::parseFailures, Stats::dropped).containsExactly(2L, 2L);
    }

    @Test
    void malformedAckIsNeverAnswered() {
        String text = Sip.text("ACK", VIA, "bad-2", 1).replace("CSeq: 1 ACK", "CSeq: 1 INVITE");
        stack.onMessage(text.getBytes(StandardCharsets.UTF_8), Sip.udp());
        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void rportIsFilledAndTheResponseGoesToTheNatsSourcePort() {
        Flow natted = Sip.flow(Transport.UDP, new InetSocketAddress("203.0.113.7", 40000));
        stack.onMessage(register("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKnat;rport"), natted);

        Via seen = user.requests.getFirst().topVia();
        assertThat(seen.received()).contains("203.0.113.7");
        assertThat(seen.rport()).contains("40000");
        assertThat(sender.last().flow()).isEqualTo(natted);
        assertThat(sender.last().response().topVia().toString())
                .isEqualTo("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKnat;rport=40000;received=203.0.113.7");
    }

    @Test
    void withoutRportTheResponseGoesToTheSourceIpAndTheSentByPort() {
        Flow from = Sip.flow(Transport.UDP, new InetSocketAddress("203.0.113.7", 40000));
        stack.onMessage(register("SIP/2.0/UDP pc.example.com:5070;branch=z9hG4bKhost"), from);

        assertThat(user.requests.getFirst().topVia().received()).contains("203.0.113.7");
        assertThat(user.requests.getFirst().topVia().hasRport()).isFalse();
        FakeSender.Sent sent = sender.last();
        assertThat(sent.flow().remote()).isEqualTo(new InetSocketAddress("203.0.113.7", 5070));
        assertThat(sent.flow().local()).isEqualTo(Sip.LOCAL);
        assertThat(sent.flow().transport()).isEqualTo(Transport.UDP);
    }

    @Test
    void sentByWithoutPortMeans5060() {
        Flow from = Sip.flow(Transport.UDP, new InetSocketAddress("192.0.2.10", 33333));
        stack.onMessage(register("SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKnoport"), from);

        assertThat(user.requests.getFirst().topVia().received()).isEmpty();
        assertThat(sender.last().destination()).isEqualTo(new InetSocketAddress("192.0.2.10", 5060));
    }

    @Test
    void ipv6SentByEqualToTheSourceGetsNoReceived() {
        Flow from = Sip.flow(Transport.UDP, new InetSocketAddress("2001:db8::1", 5060));
        stack.onMessage(register("SIP/2.0/UDP [2001:db8:0:0::1]:5060;branch=z9hG4bKv6"), from);

        assertThat(user.requests.getFirst().topVia().received()).isEmpty();
        assertThat(sender.last().flow()).isEqualTo(from);
    }

    @Test
    void overTcpTheResponseReusesTheRequestsConnection() {
        stack.onMessage(register("SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bKtcp"), Sip.tcp());

        assertThat(sender.last().flow()).isEqualTo(Sip.tcp());
        assertThat(stack.stats().serverTransactions()).isZero();   // Timer J is zero on TCP
    }

    @Test
    void aThrowingTuGetsA500() {
        RecordingUser failing = new RecordingUser().answering((tx, r) -> { throw new IllegalStateException("boom"); });
        SipStack s = SipStack.builder(sender, clock, failing).settings(SipStackSettings.defaults().withShards(1))
                .shardExecutors(i -> Runnable::run).build();
        s.onMessage(register(VIA), Sip.udp());

        SipResponse r = sender.last().response();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.toString()).doesNotContain("boom").doesNotContain("IllegalStateException");
    }

    @Test
    void ackForA2xxGoesToTheTuAndAckForAFailureStaysInTheTransaction() {
        RecordingUser tu = new RecordingUser().answering((tx, r) -> tx.respond(r.callId().startsWith("ok") ? 200 : 486, "X"));
        SipStack s = SipStack.builder(sender, clock, tu).settings(SipStackSettings.defaults().withShards(2))
                .shardExecutors(i -> Runnable::run).build();

        s.onMessage(Sip.bytes("INVITE", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKi1", "ok-1"), Sip.udp());
        s.onMessage(Sip.bytes("ACK", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKa1", "ok-1"), Sip.udp());
        assertThat(tu.acks).hasSize(1);

        s.onMessage(Sip.bytes("INVITE", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKi2", "busy-1"), Sip.udp());
        s.onMessage(Sip.bytes("ACK", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKi2", "busy-1"), Sip.udp());
        assertThat(tu.acks).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sent()).extracting(x -> x.response().status()).containsExactly(200, 486);
    }

    @Test
    void cancelIsAnsweredAndTheInviteEndsWith487WithTheSameTag() {
        RecordingUser tu = new RecordingUser().answering((tx, r) -> tx.respond(180, "Ringing"));
        SipStack s = SipStack.builder(sender, clock, tu).settings(SipStackSettings.defaults().withShards(3))
                .shardExecutors(i -> Runnable::run).build();

        s.onMessage(Sip.bytes("INVITE", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKc1", "c-1"), Sip.udp());
        s.onMessage(Sip.bytes("CANCEL", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKc1", "c-1"), Sip.udp());

        assertThat(tu.requests).extracting(SipRequest::method).containsExactly("INVITE");
        assertThat(tu.cancels).hasSize(1);
        assertThat(sender.sent()).extracting(x -> x.response().status() + " " + x.response().cseq().method())
                .containsExactly("180 INVITE", "200 CANCEL", "487 INVITE");
        String tag = sender.sent().getFirst().response().to().tag().orElseThrow();
        assertThat(sender.sent()).allSatisfy(x -> assertThat(x.response().to().tag()).contains(tag));

        s.onMessage(Sip.bytes("CANCEL", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKzz", "c-2"), Sip.udp());
        assertThat(sender.last().response().status()).isEqualTo(481);
    }

    @Test
    void rfc2543RequestsWithoutMagicCookieStillMatchTheirRetransmissions() {
        stack.onMessage(register("SIP/2.0/UDP 192.0.2.10:5060"), Sip.udp());
        stack.onMessage(register("SIP/2.0/UDP 192.0.2.10:5060"), Sip.udp());
        assertThat(user.requests).hasSize(1);
        assertThat(sender.sent()).hasSize(2);
    }

    @Test
    void sendRequestAddsOurViaAndDeliversTheMatchingResponse() {
        RecordingListener listener = new RecordingListener();
        SipRequest written = Sip.request("OPTIONS", "z9hG4bKignored");
        SipRequest options = written.withHeaders(written.headers().without("Via").without("Max-Forwards"));
        ClientTransaction tx = stack.sendRequest(options, Transport.UDP, Sip.PEER, listener);

        SipRequest sent = sender.last().request();
        assertThat(sender.last().destination()).isEqualTo(Sip.PEER);
        assertThat(sent.vias()).hasSize(1);
        assertThat(sent.topVia().toString()).startsWith("SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKstk.").endsWith(";rport");
        assertThat(sent.topVia().branch()).contains(tx.branch());
        assertThat(sent.header("Max-Forwards")).contains("70");
        assertThat(stack.stats().clientTransactions()).isEqualTo(1);

        SipResponse ok = SipResponse.to(sent, 200, "OK", "far");
        stack.onMessage(ok.toBytes(), Sip.udp());
        stack.onMessage(ok.toBytes(), Sip.udp());   // retransmission: absorbed
        assertThat(listener.statuses()).containsExactly(200);
        clock.advance(Duration.ofSeconds(5));       // Timer K
        assertThat(stack.stats().clientTransactions()).isZero();
    }

    @Test
    void unansweredInviteTimesOutAs408Equivalent() {
        RecordingListener listener = new RecordingListener();
        SipRequest invite = Sip.parse(Sip.bytes("INVITE", "z9hG4bKx"));
        stack.sendRequest(invite.withHeaders(invite.headers().without("Via")), Transport.UDP, Sip.PEER, listener);

        clock.advance(Duration.ofSeconds(32));
        assertThat(listener.failures).containsExactly(TransactionFailure.TIMEOUT);
        assertThat(TransactionFailure.TIMEOUT.status()).isEqualTo(408);
        assertThat(sender.sent()).hasSize(7);
    }

    @Test
    void transportErrorIsA503Equivalent() {
        RecordingListener listener = new RecordingListener();
        sender.failNext(1);
        SipRequest msg = Sip.request("MESSAGE", "z9hG4bKm");
        stack.sendRequest(msg, Transport.TCP, Sip.PEER, listener);
        assertThat(listener.failures).containsExactly(TransactionFailure.TRANSPORT_ERROR);
        assertThat(TransactionFailure.TRANSPORT_ERROR.status()).isEqualTo(503);
        assertThat(stack.stats().clientTransactions()).isZero();
    }

    @Test
    void sendRequestRefusesWhatItCannotSend() {
        RecordingListener listener = new RecordingListener();
        assertThatThrownBy(() -> stack.sendRequest(Sip.request("OPTIONS", "z9hG4bKo"), Transport.TLS, Sip.PEER, listener))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS");
        assertThatThrownBy(() -> stack.sendRequest(Sip.request("ACK", "z9hG4bKo"), Transport.UDP, Sip.PEER, listener))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendAckGoesOutOnceWithAFreshBranch() {
        SipRequest ack = Sip.request("ACK", "z9hG4bKold");
        stack.sendAck(ack.withHeaders(ack.headers().without("Via")), Transport.UDP, Sip.PEER);
        clock.advance(Duration.ofSeconds(60));
        assertThat(sender.sent()).hasSize(1);
        assertThat(sender.last().request().topVia().branch().orElseThrow()).startsWith("z9hG4bKstk.");
    }

    @Test
    void responsesThatAreNotOursAreDropped() {
        SipResponse foreign = SipResponse.to(Sip.request("OPTIONS", "z9hG4bKforeign"), 200, "OK", "t");
        stack.onMessage(foreign.toBytes(), Sip.udp());
        assertThat(stack.stats()).extracting(Stats::responsesIn, Stats::dropped).containsExactly(1L, 1L);
        assertThat(user.strays).isEmpty();
    }

    @Test
    void a2xxForAnInviteWhoseTransactionHasEndedGoesToTheTu() {
        RecordingListener listener = new RecordingListener();
        SipRequest invite = Sip.request("INVITE", "z9hG4bKx");
        stack.sendRequest(invite.withHeaders(invite.headers().without("Via")), Transport.UDP, Sip.PEER, listener);
        SipResponse ok = SipResponse.to(sender.last().request(), 200, "OK", "far");
        stack.onMessage(ok.toBytes(), Sip.udp());
        clock.advance(Duration.ofSeconds(32));   // Timer M
        stack.onMessage(ok.toBytes(), Sip.udp());

        assertThat(listener.statuses()).containsExactly(200);
        assertThat(user.strays).hasSize(1);
    }

    @Test
    void aRetransmittedRequestFromAnotherSentByIsANewTransaction() {
        stack.onMessage(register("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKsame"), Sip.udp());
        stack.onMessage(register("SIP/2.0/UDP 192.0.2.11:5060;branch=z9hG4bKsame"), Sip.udp());
        assertThat(user.requests).hasSize(2);
    }

    @Test
    void aRetransmission20SecondsAfterTheAnswerGetsTheSameResponse() {
        stack.onMessage(register(VIA), Sip.udp());
        byte[] answer = sender.last().bytes();
        clock.advance(Duration.ofSeconds(20));
        stack.onMessage(register(VIA), Sip.udp());

        assertThat(user.requests).hasSize(1);
        assertThat(sender.sent()).hasSize(2);
        assertThat(sender.last().bytes()).isEqualTo(answer);
        assertThat(sender.last().flow()).isEqualTo(Sip.udp());
        assertThat(stack.stats().serverTransactions()).isEqualTo(1);   // Completed until Timer J
    }

    @Test
    void aRetransmission33SecondsAfterTheAnswerIsANewRequest() {
        stack.onMessage(register(VIA), Sip.udp());
        clock.advance(Duration.ofSeconds(33));
        stack.onMessage(register(VIA), Sip.udp());

        assertThat(user.requests).hasSize(2);
        assertThat(stack.stats().retransmissionsAbsorbed()).isZero();
    }

    @Test
    void completedAnswersAreForgottenBySweepsWithoutATimerPerTransaction() {
        for (int i = 0; i < 100; i++) {
            stack.onMessage(register("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKs" + i), Sip.udp());
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(stack.stats().serverTransactions()).isEqualTo(100);
        assertThat(clock.pending()).isLessThanOrEqualTo(4);   // at most one sweep per shard

        clock.advance(Duration.ofSeconds(32).minusMillis(10_000));   // 32 s after the first answer
        assertThat(stack.stats().serverTransactions()).isBetween(1L, 99L);
        clock.advance(Duration.ofSeconds(12));                       // past the last Timer J + a sweep
        assertThat(stack.stats().serverTransactions()).isZero();
        assertThat(clock.pending()).isZero();                        // nothing scheduled once idle
    }

    @Test
    void overTcpNoAnswerIsKept() {
        stack.onMessage(register("SIP/2.0/TCP 192.0.2.10:40123;branch=z9hG4bKt"), Sip.tcp());
        stack.onMessage(register("SIP/2.0/TCP 192.0.2.10:40123;branch=z9hG4bKt"), Sip.tcp());
        assertThat(user.requests).hasSize(2);   // Timer J is zero: a copy is a new request (§17.2.2)
        assertThat(clock.pending()).isZero();
    }
}
