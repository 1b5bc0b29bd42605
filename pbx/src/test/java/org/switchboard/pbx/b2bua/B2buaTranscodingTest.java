package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Phones without a common codec through the B2BUA ({@link Transcoding}): the offer to the callee
 * carries the server's codecs after the caller's, an answer in one of those makes the server end
 * both legs in their own codecs and connect them; an answer sharing a codec keeps the relay.
 */
class B2buaTranscodingTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);
    static final InetSocketAddress BOB = new InetSocketAddress("192.0.2.20", 5080);

    final B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800));
    final Phones.Caller alice = new Phones.Caller(ALICE);
    Phones.Callee bob;

    B2buaTranscodingTest() {
        rig.register("102", "sip:102@192.0.2.20:5080", BOB);
    }

    /** A G.722-only phone with telephone-event, as baresip with {@code audio_codecs=G722} offers. */
    static String g722(String ip, int port, String direction) {
        return Phones.sdp(ip, port, direction).replace("RTP/AVP 0 101", "RTP/AVP 9 101")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:9 G722/8000");
    }

    /** A PCMU-only phone with telephone-event. */
    static String pcmu(String ip, int port, String direction) {
        return Phones.sdp(ip, port, direction);
    }

    /** A PCMU-only phone without telephone-event (it keys in the audio). */
    static String pcmuOnly(String ip, int port, String direction) {
        return Phones.sdp(ip, port, direction).replace("RTP/AVP 0 101", "RTP/AVP 0")
                .replace("a=rtpmap:101 telephone-event/8000\r\n", "");
    }

    /** Alice dials Bob with {@code aliceSdp}, past the challenge; returns Bob's INVITE. */
    SipRequest dial(String aliceSdp) {
        rig.receive(alice.invite("102", aliceSdp), ALICE);
        SipResponse challenge = rig.responsesTo(ALICE).getLast();
        alice.challengedBy(challenge);
        rig.receive(alice.ackFailure(challenge), ALICE);
        rig.receive(alice.invite("102", aliceSdp), ALICE);
        SipRequest invite = rig.requestsTo(BOB, "INVITE").getFirst();
        bob = new Phones.Callee(BOB, invite, "bob");
        return invite;
    }

    /** Bob answers the INVITE with {@code bobSdp}, Alice ACKs; returns Alice's 200. */
    SipResponse answer(SipRequest invite, String bobSdp) {
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5080", Optional.of(bobSdp)), BOB);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        return ok;
    }

    SipResponse call(String aliceSdp, String bobSdp) {
        return answer(dial(aliceSdp), bobSdp);
    }

    /** Alice sends a re-INVITE with {@code sdp} and Bob answers a passed-on one with {@code bobSdp}; returns Alice's answer. */
    SipResponse aliceOffers(String sdp, String bobSdp) {
        int invites = rig.requestsTo(BOB, "INVITE").size();
        rig.receive(alice.inDialog("INVITE", sdp), ALICE);
        if (rig.requestsTo(BOB, "INVITE").size() > invites) {
            SipRequest reInvite = rig.requestsTo(BOB, "INVITE").getLast();
            rig.receive(Phones.answer(reInvite, 200, "OK", "bob", "sip:102@192.0.2.20:5080", Optional.of(bobSdp)), BOB);
        }
        SipResponse r = rig.responsesTo(ALICE).getLast();
        if (r.status() == 200) rig.receive(alice.ack(), ALICE);
        return r;
    }

    SipResponse bobOffers(String sdp) {
        rig.receive(bob.inDialog("INVITE", sdp), BOB);
        SipResponse r = rig.responsesTo(BOB).getLast();
        if (r.status() == 200) rig.receive(bob.ack(), BOB);
        return r;
    }

    B2buaRig.FakeEndpoint aliceLeg() { return rig.media.endpoints.get(0); }

    B2buaRig.FakeEndpoint bobLeg() { return rig.media.endpoints.get(1); }

    /** Both legs terminated, each in {@code aliceCodec} / {@code bobCodec}, and connected to each other. */
    void assertTranscoded(String aliceCodec, String bobCodec) {
        B2buaRig.FakeChannel a = aliceLeg().terminated().orElseThrow();
        B2buaRig.FakeChannel b = bobLeg().terminated().orElseThrow();
        assertThat(a.config.codec().encodingName()).isEqualTo(aliceCodec);
        assertThat(b.config.codec().encodingName()).isEqualTo(bobCodec);
        assertThat(a.connectedWith).as("Alice's leg hears Bob's").isSameAs(b);
        assertThat(b.connectedWith).isSameAs(a);
        assertThat(a.playing()).as("no music, no prompt: the other leg's audio").isEmpty();
    }

    @Test
    void aG722CallerReachesAPcmuOnlyCalleeThroughTheTranscoder() {
        SipRequest invite = dial(g722("192.0.2.10", 4000, "sendrecv"));
        assertThat(invite.bodyText()).as("the caller's codec first, then what the server transcodes to")
                .contains("m=audio " + bobLeg().ports().rtp() + " RTP/AVP 9 101 0 8")
                .contains("a=rtpmap:0 PCMU/8000").contains("a=rtpmap:8 PCMA/8000");

        SipResponse ok = answer(invite, pcmu("192.0.2.20", 6000, "sendrecv"));

        assertThat(ok.bodyText()).as("Alice is answered in her own codec")
                .contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 9 101").contains("a=rtpmap:9 G722/8000")
                .doesNotContain("PCMU").contains("a=sendrecv").contains("c=IN IP4 127.0.0.5");
        assertTranscoded("G722", "PCMU");
        B2buaRig.FakeChannel a = aliceLeg().terminated().orElseThrow();
        B2buaRig.FakeChannel b = bobLeg().terminated().orElseThrow();
        assertThat(a.config.payloadType()).isEqualTo(9);
        assertThat(a.config.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(b.config.payloadType()).isZero();
        assertThat(b.config.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(rig.b2bua.liveCount()).isEqualTo(1);

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        assertThat(rig.requestsTo(BOB, "BYE")).hasSize(1);
        assertThat(a.isTerminated()).isFalse();
        assertThat(b.isTerminated()).isFalse();
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aCommonCodecKeepsTheRelayAndTheCallerNeverSeesAnAddedCodec() {
        SipRequest invite = dial(g722("192.0.2.10", 4000, "sendrecv").replace("RTP/AVP 9 101", "RTP/AVP 9 0 101")
                .replace("a=rtpmap:9 G722/8000\r\n", "a=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\n"));
        assertThat(invite.bodyText()).contains("RTP/AVP 9 0 101 8");
        // Bob picks PCMU (Alice's) and lists PCMA (added) after it
        String pcmuThenPcma = pcmu("192.0.2.20", 6000, "sendrecv").replace("RTP/AVP 0 101", "RTP/AVP 0 8 101")
                .replace("a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n");

        SipResponse ok = answer(invite, pcmuThenPcma);

        assertThat(ok.bodyText()).contains("RTP/AVP 0 101").doesNotContain("PCMA");
        assertThat(aliceLeg().channels).as("the fast path: nothing terminated").isEmpty();
        assertThat(bobLeg().channels).isEmpty();
        assertThat(rig.media.bridges).isNotEmpty();
    }

    @Test
    void keyPressesPassBetweenTheLegsAsEventsOrAsTones() {
        call(g722("192.0.2.10", 4000, "sendrecv"), pcmuOnly("192.0.2.20", 6000, "sendrecv"));
        B2buaRig.FakeChannel a = aliceLeg().terminated().orElseThrow();
        B2buaRig.FakeChannel b = bobLeg().terminated().orElseThrow();
        assertThat(a.config.hasTelephoneEvent()).as("Alice's own telephone-event, though Bob has none").isTrue();
        assertThat(b.config.hasTelephoneEvent()).isFalse();
        assertThat(b.config.inbandDtmf()).as("Bob keys in the audio: listened for, to reach Alice as events").isTrue();
        assertThat(a.config.inbandDtmf()).isFalse();

        a.listener.onDigit(new DtmfEvent(DtmfDigit.FIVE, 160, DtmfSource.TELEPHONE_EVENT));
        assertThat(b.dtmf).as("sent on Bob's leg (as tones, it has no events)").containsExactly("5/160");

        b.listener.onDigit(new DtmfEvent(DtmfDigit.STAR, 20, DtmfSource.INBAND));
        assertThat(a.dtmf).as("at least 40 ms").containsExactly("*/40");
    }

    @Test
    void holdAndResumeOnATranscodedCallComeBackToTheTranscoderNotTheRelay() {
        call(g722("192.0.2.10", 4000, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        B2buaRig.FakeChannel aliceChannel = aliceLeg().terminated().orElseThrow();
        int bridges = rig.media.bridges.size();

        SipResponse held = aliceOffers(g722("192.0.2.10", 4000, "sendonly"), "");
        assertThat(held.bodyText()).contains("a=recvonly").contains("RTP/AVP 9 101");
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();
        assertThat(music.config.codec().encodingName()).as("music in Bob's own codec").isEqualTo("PCMU");
        assertThat(music.playing()).isPresent();

        SipResponse resumed = aliceOffers(g722("192.0.2.10", 4000, "sendrecv"), "");
        assertThat(resumed.bodyText()).contains("a=sendrecv");
        assertThat(music.isTerminated()).as("the music stopped").isFalse();
        assertTranscoded("G722", "PCMU");
        assertThat(aliceLeg().terminated()).as("Alice's leg was never touched").hasValue(aliceChannel);
        assertThat(rig.media.bridges).as("no relay between G.722 and PCMU").hasSize(bridges);
        assertThat(rig.requestsTo(BOB, "INVITE")).as("Bob's phone saw neither").hasSize(1);
    }

    @Test
    void whenTheCalleeHoldsTheCallerHearsMusicInG722AndTheBridgeReturnsOnResume() {
        call(g722("192.0.2.10", 4000, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        bobOffers(pcmu("192.0.2.20", 6000, "sendonly"));
        B2buaRig.FakeChannel music = aliceLeg().terminated().orElseThrow();
        assertThat(music.config.codec().encodingName()).isEqualTo("G722");
        assertThat(music.playing()).isPresent();

        bobOffers(pcmu("192.0.2.20", 6000, "sendrecv"));
        assertTranscoded("G722", "PCMU");
    }

    @Test
    void aReInviteToACommonCodecGoesBackToTheRelayAndOneKeepingTheCodecsChangesNothing() {
        call(g722("192.0.2.10", 4000, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        B2buaRig.FakeChannel a = aliceLeg().terminated().orElseThrow();
        B2buaRig.FakeChannel b = bobLeg().terminated().orElseThrow();

        SipResponse moved = aliceOffers(g722("192.0.2.11", 4100, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        assertThat(moved.bodyText()).contains("RTP/AVP 9 101");
        assertThat(aliceLeg().terminated()).as("same settings: the same channels").hasValue(a);
        assertThat(bobLeg().terminated()).hasValue(b);
        int bridges = rig.media.bridges.size();

        SipResponse common = aliceOffers(pcmu("192.0.2.11", 4100, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        assertThat(rig.requestsTo(BOB, "INVITE").getLast().bodyText()).contains("RTP/AVP 0 101 9 8");
        assertThat(common.bodyText()).contains("RTP/AVP 0 101");
        assertThat(a.relayed).isTrue();
        assertThat(b.relayed).isTrue();
        assertThat(aliceLeg().terminated()).isEmpty();
        assertThat(bobLeg().terminated()).isEmpty();
        assertThat(rig.media.bridges).as("bridged again").hasSize(bridges + 1);

        aliceOffers(g722("192.0.2.11", 4100, "sendrecv"), pcmu("192.0.2.20", 6000, "sendrecv"));
        assertTranscoded("G722", "PCMU");
    }

    @Test
    void earlyMediaIsTranscodedTooAndTheFinalAnswerKeepsItsChannels() {
        SipRequest invite = dial(g722("192.0.2.10", 4000, "sendrecv"));
        rig.receive(Phones.answer(invite, 183, "Session Progress", "bob", "sip:102@192.0.2.20:5080",
                Optional.of(pcmu("192.0.2.20", 6000, "sendrecv"))), BOB);
        SipResponse early = rig.responsesTo(ALICE).getLast();
        assertThat(early.status()).isEqualTo(183);
        assertThat(early.bodyText()).contains("RTP/AVP 9 101").doesNotContain("PCMU");
        assertTranscoded("G722", "PCMU");
        B2buaRig.FakeChannel a = aliceLeg().terminated().orElseThrow();

        answer(invite, pcmu("192.0.2.20", 6000, "sendrecv"));
        assertTranscoded("G722", "PCMU");
        assertThat(aliceLeg().terminated()).hasValue(a);
        assertThat(aliceLeg().channels).hasSize(1);
    }

    @Test
    void aLateOfferIsWidenedTowardsTheCallerAndItsAnswerInTheAckDecides() {
        rig.receive(alice.invite("102", ""), ALICE);
        alice.challengedBy(rig.responsesTo(ALICE).getLast());
        rig.receive(alice.invite("102", ""), ALICE);
        SipRequest invite = rig.requestsTo(BOB, "INVITE").getFirst();
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5080",
                Optional.of(pcmu("192.0.2.20", 6000, "sendrecv"))), BOB);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.bodyText()).contains("RTP/AVP 0 101 9 8");
        alice.toTag = ok.to().tag().orElseThrow();

        rig.receive(alice.ack(g722("192.0.2.10", 4000, "sendrecv")), ALICE);

        assertThat(rig.requestsTo(BOB, "ACK").getFirst().bodyText()).as("Bob is answered in his own codec")
                .contains("RTP/AVP 0 101").doesNotContain("G722");
        assertTranscoded("G722", "PCMU");
    }

    @Test
    void aCallerWithNoCodecTheServerDecodesIsNotWidenedAndTheCalleesRefusalReachesIt() {
        // Opus is not in the rig's registry: the server could relay it, never decode it
        SipRequest invite = dial(B2buaHoldTest.opus("192.0.2.10", 4000, "sendrecv"));
        assertThat(invite.bodyText()).contains("RTP/AVP 111 101\r\n").doesNotContain("PCMU");

        rig.receive(Phones.answer(invite, 488, "Not Acceptable Here", "bob", "", Optional.empty()), BOB);

        assertThat(rig.responsesTo(ALICE).getLast().status()).as("every phone refused the media").isEqualTo(488);
        assertThat(rig.lastRecord().orElseThrow().cause()).isEqualTo(HangupCause.INCOMPATIBLE_DESTINATION);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aCallerWhoseFirstCodecTheServerCannotDecodeIsAnsweredInTheFirstItCan() {
        String opusThenPcma = B2buaHoldTest.opus("192.0.2.10", 4000, "sendrecv").replace("RTP/AVP 111 101", "RTP/AVP 111 8 101")
                .replace("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\na=rtpmap:8 PCMA/8000\r\n");
        SipRequest invite = dial(opusThenPcma);
        assertThat(invite.bodyText()).contains("RTP/AVP 111 8 101 9 0");

        SipResponse ok = answer(invite, pcmu("192.0.2.20", 6000, "sendrecv"));

        assertThat(ok.bodyText()).contains("RTP/AVP 8 101").doesNotContain("opus");
        assertTranscoded("PCMA", "PCMU");
    }
}
