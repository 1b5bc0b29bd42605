package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steps a B2BUA that anchors media takes with the bodies of one call, as the call logic
 * will take them: caller baresip, callee linphonec or baresip, server at 127.0.0.5 with port
 * 30000 towards the callee and 30002 towards the caller. The callees' answers are what the
 * real phones answered to the offer this code produced (test resources {@code sdp/flow/}).
 */
class OfferAnswerFlowTest {

    static final Connection SERVER = Connection.of("127.0.0.5");
    static final AnchorPlan TO_CALLEE = AnchorPlan.of(SERVER, List.of(MediaAnchor.of(30_000)));
    static final AnchorPlan TO_CALLER = AnchorPlan.of(SERVER, List.of(MediaAnchor.of(30_002)));

    /** The server's state for one call: what it sent each leg, and the legs' originators. */
    record Legs(SdpOriginator caller, SdpOriginator callee, SessionDescription offerToCallee) {
        static Legs start() {
            return new Legs(SdpOriginator.create(5151, 1, SERVER), SdpOriginator.create(4242, 1, SERVER), null);
        }
    }

    /** INVITE or re-INVITE from the caller: parse, filter, anchor, stamp. */
    static SdpOriginator.Stamped offerToCallee(Legs legs, byte[] callerBody) {
        SessionDescription offer = ((SdpParseResult.Parsed) SdpParser.parse(callerBody)).description();
        SessionDescription usable = ((CodecFilterResult.Filtered) CodecFilter.DEFAULT.filter(offer)).offer();
        return legs.callee().stamp(Anchoring.rewrite(usable, TO_CALLEE));
    }

    /** 200 OK from the callee: parse, match against what the callee was offered, anchor, stamp. */
    static SdpOriginator.Stamped answerToCaller(Legs legs, byte[] calleeBody) {
        SessionDescription answer = ((SdpParseResult.Parsed) SdpParser.parse(calleeBody)).description();
        AnswerMatch match = AnswerMatcher.match(legs.offerToCallee(), answer);
        assertThat(match).isInstanceOf(AnswerMatch.Accepted.class);
        return legs.caller().stamp(Anchoring.rewrite(((AnswerMatch.Accepted) match).answer(), TO_CALLER));
    }

    @Test
    void baresipCallsLinphone() {
        Legs legs = Legs.start();
        SdpOriginator.Stamped offer = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/offer.sdp"));
        assertThat(offer.description().toBytes()).isEqualTo(SdpGoldens.bytes("flow/offer-to-callee.sdp"));
        legs = new Legs(legs.caller(), offer.originator(), offer.description());

        SessionDescription linphoneAnswer = captured("flow/linphone-answer.sdp");
        AnswerMatch.Accepted match = (AnswerMatch.Accepted) AnswerMatcher.match(legs.offerToCallee(), linphoneAnswer);
        assertThat(match.media().getFirst().codecs()).containsExactly(Codec.PCMU, Codec.PCMA, Codec.OPUS, Codec.TELEPHONE_EVENT_8000);
        // linphone kept the caller's payload numbers, so the relay forwards packets unchanged
        assertThat(match.media().getFirst().formats()).allSatisfy(p -> assertThat(p.answered().payloadType())
                .isEqualTo(p.offered().payloadType()));

        SessionDescription toCaller = answerToCaller(legs, SdpGoldens.bytes("flow/linphone-answer.sdp")).description();
        assertThat(toCaller.toText()).isEqualTo("v=0\r\no=switchboard 5151 1 IN IP4 127.0.0.5\r\ns=Talk\r\n"
                + "c=IN IP4 127.0.0.5\r\nt=0 0\r\nm=audio 30002 RTP/AVP 0 8 96 101\r\na=rtpmap:96 opus/48000/2\r\n"
                + "a=fmtp:96 useinbandfec=1\r\na=rtpmap:101 telephone-event/8000\r\n");
        // what the caller gets is a valid answer to what the caller offered
        assertThat(AnswerMatcher.match(captured("baresip-1.0/offer.sdp"), toCaller)).isInstanceOf(AnswerMatch.Accepted.class);
    }

    @Test
    void baresipCallsBaresip() {
        Legs legs = Legs.start();
        SdpOriginator.Stamped offer = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/offer.sdp"));
        legs = new Legs(legs.caller(), offer.originator(), offer.description());
        SessionDescription toCaller = answerToCaller(legs, SdpGoldens.bytes("flow/baresip-answer.sdp")).description();
        assertThat(toCaller.media().getFirst().formats()).containsExactly("0", "8", "9", "96", "101");
        assertThat(toCaller.toText()).doesNotContain("4354").doesNotContain("127.0.0.1\r\n")
                .contains("m=audio 30002 RTP/AVP").contains("o=switchboard 5151 1 IN IP4 127.0.0.5");
        assertThat(AnswerMatcher.match(captured("baresip-1.0/offer.sdp"), toCaller)).isInstanceOf(AnswerMatch.Accepted.class);
    }

    @Test
    void holdAndResumeReachTheCalleeWithRisingVersions() {
        Legs legs = Legs.start();
        SdpOriginator.Stamped first = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/hold-call-offer.sdp"));
        assertThat(first.description().origin().sessionVersion()).isEqualTo("1");

        legs = new Legs(legs.caller(), first.originator(), first.description());
        SdpOriginator.Stamped hold = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/hold-offer.sdp"));
        assertThat(hold.description().toBytes()).isEqualTo(SdpGoldens.bytes("flow/hold-offer-to-callee.sdp"));
        assertThat(hold.description().isHold()).isTrue();

        legs = new Legs(legs.caller(), hold.originator(), hold.description());
        SessionDescription holdAnswer = answerToCaller(legs, SdpGoldens.bytes("flow/linphone-hold-answer.sdp")).description();
        assertThat(holdAnswer.direction(holdAnswer.media().getFirst())).isEqualTo(Direction.RECVONLY);
        assertThat(holdAnswer.origin().sessionVersion()).isEqualTo("1");

        SdpOriginator.Stamped again = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/hold-offer.sdp"));
        assertThat(again.description().origin().sessionVersion()).isEqualTo("2");
        SdpOriginator.Stamped resume = offerToCallee(legs, SdpGoldens.bytes("baresip-1.0/resume-offer.sdp"));
        assertThat(resume.description().origin().sessionVersion()).isEqualTo("3");
        assertThat(resume.description().isHold()).isFalse();
    }

    @Test
    void linphonesIpv6CallIsAnchoredAndItsHoldArrives() {
        Legs legs = Legs.start();
        SdpOriginator.Stamped first = offerToCallee(legs, SdpGoldens.bytes("linphone-5.1/offer.sdp"));
        assertThat(first.description().media().getFirst().formats()).containsExactly("96", "0", "8", "99", "101");
        assertThat(first.description().toText()).doesNotContain("fd00::2").contains("c=IN IP4 127.0.0.5");
        legs = new Legs(legs.caller(), first.originator(), first.description());
        SdpOriginator.Stamped hold = offerToCallee(legs, SdpGoldens.bytes("linphone-5.1/hold-offer.sdp"));
        assertThat(hold.description().isHold()).isTrue();
        assertThat(hold.originator().version()).isEqualTo(2);
    }

    @Test
    void aCallerTheServerCannotServeGetsAReasonForTheRightStatus() {
        // malformed body: 400; nothing common: 488
        assertThat(SdpParser.parse("v=0\r\nm=audio\r\n".getBytes())).isInstanceOf(SdpParseResult.Failed.class);
        assertThat(CodecFilter.DEFAULT.filter(captured("baresip-1.0/srtp-ice-offer.sdp")))
                .isInstanceOf(CodecFilterResult.NoCommonCodec.class);
    }
}
