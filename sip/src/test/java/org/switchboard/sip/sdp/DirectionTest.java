package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.rfc4317;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import org.junit.jupiter.api.Test;

/** Directions, their answers, and hold detection on what real phones send to hold and resume. */
class DirectionTest {

    static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    static Direction directionOf(SessionDescription s) { return s.direction(s.media().getFirst()); }

    @Test
    void isSendrecvUnlessAnAttributeSaysOtherwiseAndMediaOverridesSession() {
        assertThat(directionOf(sdp(HEAD + "m=audio 4000 RTP/AVP 0\n"))).isEqualTo(Direction.SENDRECV);
        assertThat(directionOf(sdp(HEAD + "a=recvonly\nm=audio 4000 RTP/AVP 0\n"))).isEqualTo(Direction.RECVONLY);
        assertThat(directionOf(sdp(HEAD + "a=recvonly\nm=audio 4000 RTP/AVP 0\na=inactive\n"))).isEqualTo(Direction.INACTIVE);
        assertThat(directionOf(captured("baresip-1.0/offer.sdp"))).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void anAnswerInvertsOneWayDirections() {
        assertThat(Direction.SENDONLY.inverse()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.RECVONLY.inverse()).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.SENDRECV.inverse()).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.INACTIVE.inverse()).isEqualTo(Direction.INACTIVE);
        // RFC 4317 section 2.4: a sendonly stream of telephone events is answered recvonly
        SessionDescription offer = rfc4317("2.4", "Offer");
        SessionDescription answer = rfc4317("2.4", "Answer");
        assertThat(answer.direction(answer.media().get(1))).isEqualTo(offer.direction(offer.media().get(1)).inverse());
    }

    @Test
    void detectsBaresipHoldingAndResuming() {
        assertThat(captured("baresip-1.0/offer.sdp").isHold()).isFalse();
        assertThat(captured("baresip-1.0/hold-offer.sdp").isHold()).isTrue();
        assertThat(directionOf(captured("baresip-1.0/hold-offer.sdp"))).isEqualTo(Direction.SENDONLY);
        assertThat(captured("baresip-1.0/resume-offer.sdp").isHold()).isFalse();
    }

    @Test
    void detectsLinphoneHoldingAndResumingWithoutADirectionAttribute() {
        assertThat(captured("linphone-5.1/hold-offer.sdp").isHold()).isTrue();
        SessionDescription resume = captured("linphone-5.1/resume-offer.sdp");
        assertThat(resume.media().getFirst().directionAttribute()).isEmpty();
        assertThat(resume.isHold()).isFalse();
    }

    @Test
    void detectsTheOldStyleHoldWithAnUnspecifiedAddress() {
        // RFC 4317 section 5.2: c=IN IP4 0.0.0.0
        assertThat(rfc4317("5.2", "Offer").isHold()).isTrue();
        assertThat(rfc4317("5.2", "Second-Offer").isHold()).isFalse();
        assertThat(sdp(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP6 ::") + "m=audio 4000 RTP/AVP 0\n").isHold()).isTrue();
        assertThat(Connection.of("0:0:0:0:0:0:0:0").isUnspecified()).isTrue();
        assertThat(Connection.of("::1").isUnspecified()).isFalse();
        assertThat(Connection.of("10.0.0.0").isUnspecified()).isFalse();
    }

    @Test
    void holdsEachStreamSeparately() {
        // RFC 4317 section 3.2: Bob holds the audio but not the telephone-event stream
        SessionDescription second = rfc4317("3.2", "Second-Offer");
        assertThat(second.isHeld(second.media().get(0))).isTrue();
        assertThat(second.isHeld(second.media().get(1))).isFalse();
        assertThat(second.isHold()).isFalse();
        // RFC 4317 section 3.1: Bob answers sendonly, putting Alice on hold at once
        assertThat(rfc4317("3.1", "Answer").isHold()).isTrue();
    }

    @Test
    void aRejectedStreamIsNeitherHeldNorLive() {
        SessionDescription s = sdp(HEAD + "m=audio 0 RTP/AVP 0\na=sendonly\n");
        assertThat(s.isHeld(s.media().getFirst())).isFalse();
        assertThat(s.isHold()).isFalse();
        assertThat(rfc4317("5.1", "Offer").isHold()).isFalse();
    }

    @Test
    void replacesTheDirectionAttributeInPlace() {
        MediaDescription m = captured("baresip-1.0/offer.sdp").media().getFirst().withDirection(Direction.INACTIVE);
        assertThat(m.attributes().get(7)).isEqualTo(Attribute.flag("inactive"));
        assertThat(m.attributes()).hasSize(13).doesNotContain(Attribute.flag("sendrecv"));
        MediaDescription bare = sdp(HEAD + "m=audio 4000 RTP/AVP 0\n").media().getFirst().withDirection(Direction.SENDONLY);
        assertThat(bare.attributes()).containsExactly(Attribute.flag("sendonly"));
    }
}
