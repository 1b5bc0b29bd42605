package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.dsp.TonePlan;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * An application putting its caller through ({@link Transfer}): voicemail's {@code 0} rings the
 * operator (extension 103, ring timeout 15 s) as a new callee phase of the same call, the caller
 * hearing ringback, and the answer is bridged without a re-INVITE to the caller.
 */
class B2buaTransferTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);
    static final InetSocketAddress BOB = new InetSocketAddress("192.0.2.20", 5080);
    static final InetSocketAddress HALL = new InetSocketAddress("192.0.2.30", 5060);

    final TestApplications apps = new TestApplications();
    final B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800), MusicOnHold.bundled(), apps);
    final Phones.Caller alice = new Phones.Caller(ALICE);

    B2buaTransferTest() {
        rig.register("102", "sip:102@192.0.2.20:5080", BOB);
        rig.register("103", "sip:103@192.0.2.30:5060", HALL);
    }

    /**
     * Alice calls Bob, who does not answer; voicemail takes the call and puts her through to
     * {@code number} when she presses 0 (by SIP INFO). Returns once the application is done.
     */
    void voicemailTransfersTo(String number) throws InterruptedException {
        ScriptedApplication voicemail = ScriptedApplication.transferringOn('0', number);
        apps.voicemail = voicemail;
        rig.receive(alice.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        alice.challengedBy(rig.responsesTo(ALICE).getLast());
        rig.receive(alice.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        rig.advance(Duration.ofSeconds(31));
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        voicemail.awaitLine();
        rig.receive(alice.inDialog("INFO", "0").replace("application/sdp", "application/dtmf"), ALICE);
        voicemail.awaitEnd();
    }

    SipRequest hallInvite() { return rig.requestsTo(HALL, "INVITE").getFirst(); }

    void hallAnswers(String sdp) {
        rig.receive(Phones.answer(hallInvite(), 180, "Ringing", "hall", "sip:103@192.0.2.30:5060", Optional.empty()), HALL);
        rig.receive(Phones.answer(hallInvite(), 200, "OK", "hall", "sip:103@192.0.2.30:5060", Optional.of(sdp)), HALL);
    }

    B2buaRig.FakeEndpoint aliceLeg() { return rig.media.endpoints.get(0); }

    B2buaRig.FakeEndpoint calleeLeg() { return rig.media.endpoints.get(1); }

    CallSnapshot live() { return rig.b2bua.liveCalls().snapshot().getFirst(); }

    CallRecord finalRecord() {
        CallRecord r = rig.lastRecord().orElseThrow();
        assertThat(r.ended()).isTrue();
        return r;
    }

    @Test
    void theOperatorsPhonesRingWithTheCallersCodecWhileTheCallerHearsRingback() throws Exception {
        voicemailTransfersTo("103");

        SipRequest invite = hallInvite();
        assertThat(invite.header(HeaderNames.TO).orElseThrow()).contains("sip:103@pbx.example.com");
        assertThat(invite.from().uri()).isEqualTo("sip:101@pbx.example.com");
        assertThat(invite.bodyText()).contains("m=audio " + calleeLeg().ports().rtp() + " RTP/AVP 0 101")
                .contains("a=rtpmap:101 telephone-event/8000").contains("c=IN IP4 127.0.0.5").doesNotContain("192.0.2.10");
        ToneSource ringback = (ToneSource) aliceLeg().terminated().orElseThrow().playing().orElseThrow();
        assertThat(ringback.tones()).isEqualTo(TonePlan.forCountry("ch").orElseThrow().ringback());
        assertThat(live().legs()).extracting(LegSnapshot::party, LegSnapshot::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("101", "ANSWERED"),
                org.assertj.core.groups.Tuple.tuple("102", "VOICEMAIL"),
                org.assertj.core.groups.Tuple.tuple("103", "CALLING"));
        assertThat(rig.lastRecord().orElseThrow().legIds()).hasSize(3);

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.requestsTo(HALL, "CANCEL")).as("cancelled once it rings (RFC 3261 §9.1)").isEmpty();
        rig.receive(Phones.answer(invite, 180, "Ringing", "hall", "sip:103@192.0.2.30:5060", Optional.empty()), HALL);
        assertThat(rig.requestsTo(HALL, "CANCEL")).hasSize(1);
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    @Test
    void theOperatorsAnswerIsBridgedWithTheCallerWithoutAReInvite() throws Exception {
        voicemailTransfersTo("103");
        B2buaRig.FakeChannel ringback = aliceLeg().terminated().orElseThrow();
        int bridges = rig.media.bridges.size();

        hallAnswers(Phones.sdp("192.0.2.30", 7000, "sendrecv"));

        assertThat(rig.requestsTo(HALL, "ACK")).hasSize(1);
        assertThat(ringback.relayed).as("Alice's leg relays again").isTrue();
        assertThat(aliceLeg().terminated()).isEmpty();
        assertThat(rig.media.bridges).hasSize(bridges + 1);
        assertThat(calleeLeg().remotes).contains(new InetSocketAddress("192.0.2.30", 7000));
        assertThat(rig.requestsTo(ALICE, "INVITE")).as("Alice's phone sees no re-INVITE").isEmpty();
        assertThat(live().legs()).extracting(LegSnapshot::party, LegSnapshot::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("101", "ANSWERED"), org.assertj.core.groups.Tuple.tuple("103", "ANSWERED"));

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.requestsTo(HALL, "BYE")).singleElement()
                .satisfies(bye -> assertThat(bye.callId()).isEqualTo(hallInvite().callId()));
        CallRecord r = finalRecord();
        assertThat(r.disposition()).as("a person answered").isEqualTo(Disposition.ANSWERED);
        assertThat(r.callee()).isEqualTo("102");
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void anOperatorAnsweringInAnotherCodecIsTranscoded() throws Exception {
        voicemailTransfersTo("103");

        hallAnswers("v=0\r\no=hall 1 1 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\nt=0 0\r\n"
                + "m=audio 7000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\na=sendrecv\r\n");

        B2buaRig.FakeChannel caller = aliceLeg().terminated().orElseThrow();
        B2buaRig.FakeChannel operator = calleeLeg().terminated().orElseThrow();
        assertThat(caller.config.codec().encodingName()).isEqualTo("PCMU");
        assertThat(operator.config.codec().encodingName()).isEqualTo("G722");
        assertThat(caller.connectedWith).isSameAs(operator);
        assertThat(rig.requestsTo(ALICE, "INVITE")).isEmpty();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.requestsTo(HALL, "BYE")).hasSize(1);
    }

    @Test
    void nobodyAnsweringTheTransferHangsUpTheCaller() throws Exception {
        voicemailTransfersTo("103");
        rig.receive(Phones.answer(hallInvite(), 180, "Ringing", "hall", "sip:103@192.0.2.30:5060", Optional.empty()), HALL);

        rig.advance(Duration.ofSeconds(16));

        assertThat(rig.requestsTo(HALL, "CANCEL")).hasSize(1);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        CallRecord r = finalRecord();
        assertThat(r.cause()).isEqualTo(HangupCause.NO_ANSWER);
        assertThat(r.disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    @Test
    void aBusyOperatorHangsUpTheCaller() throws Exception {
        voicemailTransfersTo("103");
        rig.receive(Phones.answer(hallInvite(), 486, "Busy Here", "hall", "", Optional.empty()), HALL);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.USER_BUSY);
    }

    @Test
    void aTransferToANumberWithoutPhonesHangsUpTheCaller() throws Exception {
        voicemailTransfersTo("104");
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(rig.requestsTo(HALL, "INVITE")).isEmpty();
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.SUBSCRIBER_ABSENT);
        assertThat(rig.b2bua.liveCount()).isZero();
    }
}
