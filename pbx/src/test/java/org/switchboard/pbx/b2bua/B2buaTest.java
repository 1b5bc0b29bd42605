package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Calls through the B2BUA with scripted phones on a virtual clock: what each phone receives is
 * what a real one would, and the call record says what happened.
 */
class B2buaTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);
    static final InetSocketAddress BOB_DESK = new InetSocketAddress("192.0.2.20", 5080);
    static final InetSocketAddress BOB_MOBILE = new InetSocketAddress("192.0.2.21", 5090);

    final B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800));
    final Phones.Caller alice = new Phones.Caller(ALICE);

    B2buaTest() {
        rig.register("102", "sip:102@192.0.2.20:5080", BOB_DESK);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_MOBILE);
    }

    /** Alice dials {@code target}: the first INVITE is challenged, the second carries credentials. */
    SipResponse dial(String target) {
        rig.receive(alice.invite(target, Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipResponse challenge = rig.responsesTo(ALICE).getLast();
        assertThat(challenge.status()).isEqualTo(407);
        alice.challengedBy(challenge);
        rig.receive(alice.ackFailure(challenge), ALICE);
        rig.receive(alice.invite(target, Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        return rig.responsesTo(ALICE).getLast();
    }

    SipRequest inviteTo(InetSocketAddress contact) {
        List<SipRequest> invites = rig.requestsTo(contact, "INVITE");
        assertThat(invites).isNotEmpty();
        return invites.getFirst();
    }

    /** Dials 102 and lets the desk phone answer; returns the 200 Alice got. */
    SipResponse answeredCall() {
        dial("102");
        SipRequest desk = inviteTo(BOB_DESK);
        rig.receive(Phones.answer(desk, 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        return ok;
    }

    CallRecord finalRecord() {
        CallRecord r = rig.lastRecord().orElseThrow();
        assertThat(r.ended()).isTrue();
        return r;
    }

    @Test
    void aCallerWithoutCredentialsIsChallengedAndNothingRings() {
        rig.receive(alice.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipResponse r = rig.responsesTo(ALICE).getLast();
        assertThat(r.status()).isEqualTo(407);
        assertThat(r.header(HeaderNames.PROXY_AUTHENTICATE)).hasValueSatisfying(v -> assertThat(v).contains("realm=\"pbx.example.com\""));
        assertThat(rig.requestsTo(BOB_DESK, "INVITE")).isEmpty();
        assertThat(rig.records).isEmpty();
    }

    @Test
    void everyContactRingsWithTheCallersTrueIdentityAndAnchoredMedia() {
        SipResponse trying = dial("102");
        assertThat(trying.status()).isEqualTo(100);
        SipRequest desk = inviteTo(BOB_DESK);
        SipRequest mobile = inviteTo(BOB_MOBILE);
        // each leg its own Call-ID and tag, never the caller's
        assertThat(desk.callId()).isNotEqualTo(alice.callId).isNotEqualTo(mobile.callId());
        assertThat(desk.uri()).isEqualTo("sip:102@192.0.2.20:5080");
        // identity from authentication, not from what the caller wrote
        assertThat(desk.from().displayNameText()).isEqualTo("Alice Martin");
        assertThat(desk.from().uri()).isEqualTo("sip:101@pbx.example.com");
        assertThat(desk.header(HeaderNames.P_ASSERTED_IDENTITY)).hasValue("\"Alice Martin\" <sip:101@pbx.example.com>");
        assertThat(desk.bodyText()).contains("c=IN IP4 127.0.0.5").doesNotContain("192.0.2.10")
                .contains("m=audio " + rig.media.endpoints.get(1).ports().rtp() + " RTP/AVP 0 101");
        assertThat(rig.media.endpoints.getFirst().remotes).containsExactly(new InetSocketAddress("192.0.2.10", 4000));
        assertThat(rig.lastRecord()).hasValueSatisfying(r -> {
            assertThat(r.caller()).isEqualTo("101");
            assertThat(r.callee()).isEqualTo("102");
            assertThat(r.ended()).isFalse();
        });
        assertThat(rig.b2bua.liveCalls().snapshot()).singleElement()
                .satisfies(c -> assertThat(c.legs()).hasSize(3));
    }

    @Test
    void theFirstAnswerWinsTheOtherContactIsCancelledAndByeEndsBothLegs() {
        dial("102");
        SipRequest desk = inviteTo(BOB_DESK);
        SipRequest mobile = inviteTo(BOB_MOBILE);
        rig.receive(Phones.answer(desk, 180, "Ringing", "desk", "sip:102@192.0.2.20:5080", Optional.empty()), BOB_DESK);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(180);
        rig.receive(Phones.answer(mobile, 180, "Ringing", "mob", "sip:102@192.0.2.21:5090", Optional.empty()), BOB_MOBILE);
        rig.receive(Phones.answer(mobile, 200, "OK", "mob", "sip:102@192.0.2.21:5090",
                Optional.of(Phones.sdp("192.0.2.21", 7000, "sendrecv"))), BOB_MOBILE);

        assertThat(rig.requestsTo(BOB_MOBILE, "ACK")).hasSize(1);
        assertThat(rig.requestsTo(BOB_DESK, "CANCEL")).singleElement()
                .satisfies(c -> assertThat(c.topVia().branch()).isEqualTo(desk.topVia().branch()));
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("c=IN IP4 127.0.0.5").doesNotContain("192.0.2.21")
                .contains("m=audio " + rig.media.endpoints.getFirst().ports().rtp());
        assertThat(rig.media.bridges).isNotEmpty();
        assertThat(rig.media.endpoints.get(1).remotes).contains(new InetSocketAddress("192.0.2.21", 7000));

        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(200);
        assertThat(rig.requestsTo(BOB_MOBILE, "BYE")).singleElement()
                .satisfies(bye -> assertThat(bye.callId()).isEqualTo(mobile.callId()));
        CallRecord r = finalRecord();
        assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(r.cause()).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(r.hangupSide()).isEqualTo(HangupSide.CALLER);
        assertThat(r.answeredAt()).isNotNull();
        assertThat(rig.media.allocatedPairs()).isZero();
        assertThat(rig.b2bua.liveCount()).isZero();
    }

    @Test
    void aSecondContactAnsweringTooLateIsAckedAndHungUp() {
        dial("102");
        SipRequest desk = inviteTo(BOB_DESK);
        SipRequest mobile = inviteTo(BOB_MOBILE);
        rig.receive(Phones.answer(desk, 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        rig.receive(Phones.answer(mobile, 200, "OK", "mob", "sip:102@192.0.2.21:5090",
                Optional.of(Phones.sdp("192.0.2.21", 7000, "sendrecv"))), BOB_MOBILE);
        assertThat(rig.requestsTo(BOB_MOBILE, "ACK")).hasSize(1);
        assertThat(rig.requestsTo(BOB_MOBILE, "BYE")).hasSize(1);
        assertThat(rig.requestsTo(BOB_DESK, "BYE")).isEmpty();
        assertThat(rig.responsesTo(ALICE).stream().filter(r -> r.status() == 200)).hasSize(1);
    }

    @Test
    void busyEverywhereGives486AndABusyRecord() {
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 486, "Busy Here", "desk", "", Optional.empty()), BOB_DESK);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isNotEqualTo(486);
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 486, "Busy Here", "mob", "", Optional.empty()), BOB_MOBILE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(486);
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.BUSY);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void nobodyAnsweringWithinTheRingTimeoutGives480AndCancelsEveryContact() {
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 180, "Ringing", "desk", "sip:102@192.0.2.20:5080", Optional.empty()), BOB_DESK);
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 180, "Ringing", "mob", "sip:102@192.0.2.21:5090", Optional.empty()), BOB_MOBILE);
        rig.advance(Duration.ofSeconds(29));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(180);
        rig.advance(Duration.ofSeconds(2));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(480);
        assertThat(rig.requestsTo(BOB_DESK, "CANCEL")).hasSize(1);
        assertThat(rig.requestsTo(BOB_MOBILE, "CANCEL")).hasSize(1);
        CallRecord r = finalRecord();
        assertThat(r.disposition()).isEqualTo(Disposition.NO_ANSWER);
        assertThat(r.durationSeconds(r.endedAt())).isEqualTo(30);  // the ring timeout
    }

    @Test
    void anExtensionsOwnRingTimeoutWinsOverTheServersDefault() {
        InetSocketAddress hall = new InetSocketAddress("192.0.2.30", 5060);
        rig.register("103", "sip:103@192.0.2.30:5060", hall);
        dial("103");
        rig.receive(Phones.answer(rig.requestsTo(hall, "INVITE").getFirst(), 180, "Ringing", "hall",
                "sip:103@192.0.2.30:5060", Optional.empty()), hall);
        rig.advance(Duration.ofSeconds(14));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(180);
        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(480);
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.NO_ANSWER);
    }

    @Test
    void theCallersCancelEndsTheRingingWith487() {
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 180, "Ringing", "desk", "sip:102@192.0.2.20:5080", Optional.empty()), BOB_DESK);
        rig.receive(alice.cancel(), ALICE);
        List<Integer> statuses = rig.responsesTo(ALICE).stream().map(SipResponse::status).toList();
        assertThat(statuses).contains(200, 487);
        assertThat(rig.requestsTo(BOB_DESK, "CANCEL")).hasSize(1);
        // the mobile had not rung yet: its CANCEL waits for its first provisional (RFC 3261 §9.1)
        assertThat(rig.requestsTo(BOB_MOBILE, "CANCEL")).isEmpty();
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 180, "Ringing", "mob", "sip:102@192.0.2.21:5090", Optional.empty()), BOB_MOBILE);
        assertThat(rig.requestsTo(BOB_MOBILE, "CANCEL")).hasSize(1);
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.CANCELLED);
    }

    @Test
    void unknownNumbersGet404OnlyAfterAuthentication() {
        assertThat(dial("555").status()).isEqualTo(404);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.UNALLOCATED_NUMBER);
    }

    @Test
    void callingOnesOwnExtensionRingsTheOtherPhonesOnly() {
        rig.register("101", "sip:101@192.0.2.10:5070", ALICE);
        InetSocketAddress aliceMobile = new InetSocketAddress("192.0.2.11", 5070);
        rig.register("101", "sip:101@192.0.2.11:5070", aliceMobile);
        dial("101");
        assertThat(rig.requestsTo(aliceMobile, "INVITE")).hasSize(1);
        assertThat(rig.requestsTo(ALICE, "INVITE")).isEmpty();
    }

    @Test
    void anExtensionWithoutRegisteredPhonesGets480() {
        rig.location.removeAll("102");
        assertThat(dial("102").status()).isEqualTo(480);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.SUBSCRIBER_ABSENT);
    }

    @Test
    void anOfferWithNoCodecWeSpeakGets488() {
        rig.receive(alice.invite("102", "v=0\r\no=x 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 97\r\na=rtpmap:97 speex/8000\r\n"), ALICE);
        alice.challengedBy(rig.responsesTo(ALICE).getLast());
        rig.receive(alice.invite("102", "v=0\r\no=x 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 97\r\na=rtpmap:97 speex/8000\r\n"), ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(488);
        assertThat(rig.requestsTo(BOB_DESK, "INVITE")).isEmpty();
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void anInviteWithoutSdpGetsTheCalleesOfferAndItsAnswerTravelsInTheAcks() {
        rig.receive(alice.invite("102", ""), ALICE);
        alice.challengedBy(rig.responsesTo(ALICE).getLast());
        rig.receive(alice.invite("102", ""), ALICE);
        SipRequest desk = inviteTo(BOB_DESK);
        assertThat(desk.bodyLength()).isZero();
        rig.receive(Phones.answer(desk, 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        assertThat(rig.requestsTo(BOB_DESK, "ACK")).isEmpty();
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("c=IN IP4 127.0.0.5").doesNotContain("192.0.2.20");

        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipRequest ack = rig.requestsTo(BOB_DESK, "ACK").getFirst();
        assertThat(ack.bodyText()).contains("c=IN IP4 127.0.0.5").doesNotContain("192.0.2.10")
                .contains("m=audio " + rig.media.endpoints.get(1).ports().rtp());
        assertThat(rig.media.endpoints.getFirst().remotes).contains(new InetSocketAddress("192.0.2.10", 4000));
        assertThat(rig.b2bua.liveCount()).isEqualTo(1);
    }

    @Test
    void privacyIdHidesTheCaller() {
        alice.extraHeaders = "Privacy: id\r\n";
        dial("102");
        SipRequest desk = inviteTo(BOB_DESK);
        assertThat(desk.from().uri()).isEqualTo("sip:anonymous@anonymous.invalid");
        assertThat(desk.header(HeaderNames.P_ASSERTED_IDENTITY)).isEmpty();
        assertThat(desk.header(HeaderNames.FROM).orElseThrow()).doesNotContain("101").doesNotContain("Alice");
        assertThat(desk.toString()).doesNotContain("Alice").doesNotContain("999");
    }

    @Test
    void aReInviteMovingTheMediaReachesTheCalleeWithTheServersAddress() {
        answeredCall();
        rig.receive(alice.inDialog("INVITE", Phones.sdp("192.0.2.11", 4100, "sendrecv")), ALICE);
        List<SipRequest> toDesk = rig.requestsTo(BOB_DESK, "INVITE");
        assertThat(toDesk).hasSize(2);
        SipRequest moved = toDesk.getLast();
        assertThat(moved.bodyText()).contains("a=sendrecv").contains("c=IN IP4 127.0.0.5").contains("o=switchboard")
                .doesNotContain("192.0.2.11");
        assertThat(rig.media.endpoints.getFirst().remotes).contains(new InetSocketAddress("192.0.2.11", 4100));
        rig.receive(Phones.answer(moved, 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        assertThat(rig.requestsTo(BOB_DESK, "ACK")).hasSize(2);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("a=sendrecv").doesNotContain("192.0.2.20");
        assertThat(rig.media.endpoints.getFirst().suspended).isFalse();
    }

    @Test
    void theCalleeHangingUpEndsTheCallerWithBye() {
        answeredCall();
        SipRequest desk = inviteTo(BOB_DESK);
        String bye = "BYE sip:127.0.0.5:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5080;branch=z9hG4bK-desk-bye\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:102@pbx.example.com>;tag=desk\r\nTo: " + desk.header(HeaderNames.FROM).orElseThrow()
                + "\r\nCall-ID: " + desk.callId() + "\r\nCSeq: 10 BYE\r\nContent-Length: 0\r\n\r\n";
        rig.receive(bye, BOB_DESK);
        assertThat(rig.responsesTo(BOB_DESK).getLast().status()).isEqualTo(200);
        assertThat(rig.requestsTo(ALICE, "BYE")).singleElement()
                .satisfies(b -> assertThat(b.callId()).isEqualTo(alice.callId));
        assertThat(finalRecord().hangupSide()).isEqualTo(HangupSide.CALLEE);
    }

    @Test
    void aStoppingServerEndsLiveCallsWithByeToBothPhonesAndCompletesTheRecord() {
        answeredCall();
        assertThat(rig.b2bua.shutdown(Duration.ofMillis(50))).isEqualTo(1);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(rig.requestsTo(BOB_DESK, "BYE")).singleElement()
                .satisfies(b -> assertThat(b.header(HeaderNames.REASON)).isPresent());
        CallRecord r = finalRecord();
        assertThat(r.cause()).isEqualTo(HangupCause.SYSTEM_SHUTDOWN);
        assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aCallWhoseRtpStoppedIsEndedWithByeToBothPhones() {
        answeredCall();
        B2buaRig.FakeEndpoint callee = rig.media.endpoints.get(1);
        callee.onTimeout.onMediaTimeout(new org.switchboard.media.relay.MediaTimeout(callee.legId, Duration.ofSeconds(30),
                new org.switchboard.media.relay.MediaStats(callee.legId, callee.ports, 0, 0, 0, 0, 0, 0,
                        Optional.empty(), Optional.empty(), false, Optional.empty())));
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(rig.requestsTo(BOB_DESK, "BYE")).hasSize(1);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.MEDIA_TIMEOUT);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aRequestForAnUnknownDialogGets481() {
        alice.toTag = "nonsense";
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(481);
    }

    @Test
    void ourTwoHundredIsResentUntilTheAckAndTheCallEndsWithoutOne() {
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        rig.advance(Duration.ofSeconds(4));
        long oks = rig.responsesTo(ALICE).stream().filter(r -> r.status() == 200).count();
        assertThat(oks).isGreaterThanOrEqualTo(3);
        rig.advance(Duration.ofSeconds(30));
        assertThat(rig.requestsTo(BOB_DESK, "BYE")).hasSize(1);
        assertThat(rig.b2bua.liveCount()).isZero();
    }

    @Test
    void aSessionTimerEndsACallWhoseCallerStopsRefreshing() {
        B2buaRig timed = new B2buaRig(Duration.ofSeconds(90));
        timed.register("102", "sip:102@192.0.2.20:5080", BOB_DESK);
        Phones.Caller caller = new Phones.Caller(ALICE);
        caller.extraHeaders = "Supported: timer\r\nSession-Expires: 90\r\n";
        timed.receive(caller.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        caller.challengedBy(timed.responsesTo(ALICE).getLast());
        timed.receive(caller.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipRequest desk = timed.requestsTo(BOB_DESK, "INVITE").getFirst();
        assertThat(desk.header(HeaderNames.SESSION_EXPIRES)).hasValue("90");
        SipResponse answer = Phones.answer(desk, 200, "OK", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv")));
        answer = answer.withHeaders(answer.headers().with(HeaderNames.SESSION_EXPIRES, "90;refresher=uas"));
        timed.receive(answer, BOB_DESK);
        SipResponse ok = timed.responsesTo(ALICE).getLast();
        assertThat(ok.header(HeaderNames.SESSION_EXPIRES)).hasValue("90;refresher=uac");
        assertThat(ok.header(HeaderNames.REQUIRE)).hasValue("timer");
        caller.toTag = ok.to().tag().orElseThrow();
        timed.receive(caller.ack(), ALICE);
        timed.advance(Duration.ofSeconds(50));
        assertThat(timed.b2bua.liveCount()).isEqualTo(1);
        timed.advance(Duration.ofSeconds(15));
        assertThat(timed.b2bua.liveCount()).isZero();
        assertThat(timed.requestsTo(BOB_DESK, "BYE")).hasSize(1);
        assertThat(timed.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(timed.lastRecord().orElseThrow().cause()).isEqualTo(HangupCause.SESSION_TIMER_EXPIRED);
    }

    @Test
    void aCallerAskingForTooShortASessionGets422() {
        alice.extraHeaders = "Supported: timer\r\nSession-Expires: 30\r\n";
        SipResponse r = dial("102");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header(HeaderNames.MIN_SE)).hasValue("90");
    }

    @Test
    void requiring100relIsRefusedCleanlyWith420() {
        alice.extraHeaders = "Require: 100rel\r\n";
        rig.receive(alice.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipResponse r = rig.responsesTo(ALICE).getLast();
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.header(HeaderNames.UNSUPPORTED)).hasValue("100rel");
    }
}
