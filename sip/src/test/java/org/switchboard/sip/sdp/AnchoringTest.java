package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.rfc4317;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchoringTest {

    static final Connection SERVER = Connection.of("203.0.113.5");

    static SessionDescription anchored(SessionDescription sdp, int... ports) {
        List<MediaAnchor> anchors = java.util.Arrays.stream(ports).mapToObj(MediaAnchor::of).toList();
        return Anchoring.rewrite(sdp, AnchorPlan.of(SERVER, anchors));
    }

    @Test
    void putsTheServersAddressAndPortsInPlaceOfThePhones() {
        SessionDescription out = anchored(captured("baresip-1.0/offer.sdp"), 30_000);
        assertThat(out.connection()).isEqualTo(SERVER);
        assertThat(out.media().getFirst().port()).isEqualTo(30_000);
        assertThat(out.toText()).doesNotContain("2490").contains("c=IN IP4 203.0.113.5\r\n");
        // everything else passes: codecs, ptime, direction, ssrc
        assertThat(out.media().getFirst().attributes()).isEqualTo(captured("baresip-1.0/offer.sdp").media().getFirst().attributes());
    }

    @Test
    void removesIceRtcpAndCryptoOfBaresipsSrtpOffer() {
        SessionDescription out = anchored(captured("baresip-1.0/srtp-ice-offer.sdp"), 30_000);
        String text = out.toText();
        assertThat(text).doesNotContain("candidate", "ice-", "a=rtcp:", "crypto", "192.0.2.2", "33254");
        assertThat(out.media().getFirst().connection()).isNull();
        assertThat(out.media().getFirst().attributes()).extracting(Attribute::name).containsExactly(
                "rtpmap", "rtpmap", "rtpmap", "rtpmap", "fmtp", "rtpmap", "fmtp", "sendrecv", "label", "rtcp-rsize",
                "ssrc", "minptime", "ptime");
        assertThat(out.attributes()).extracting(Attribute::name).containsExactly("tool");
    }

    @Test
    void keepsCryptoWhenToldTo() {
        SessionDescription srtp = captured("baresip-1.0/srtp-ice-offer.sdp");
        SessionDescription out = Anchoring.rewrite(srtp, AnchorPlan.of(SERVER, List.of(MediaAnchor.of(30_000))).keepingCrypto());
        assertThat(out.media().getFirst().attribute("crypto")).isEqualTo(srtp.media().getFirst().attribute("crypto"));
        assertThat(out.toText()).doesNotContain("candidate", "ice-");
    }

    @Test
    void announcesAnRtcpPortThatIsNotTheNextOne() {
        SessionDescription sdp = captured("sipp-3.6/uac-offer.sdp");
        SessionDescription out = Anchoring.rewrite(sdp, AnchorPlan.of(SERVER, List.of(new MediaAnchor(30_000, 30_101))));
        assertThat(out.media().getFirst().attribute("rtcp")).contains(Attribute.of("rtcp", "30101"));
        assertThat(anchored(sdp, 30_000).media().getFirst().hasAttribute("rtcp")).isFalse();
    }

    @Test
    void leavesARejectedStreamAtPortZero() {
        // RFC 4317 section 2.2: Bob rejects the video; the answer keeps it in place with port 0
        SessionDescription out = anchored(rfc4317("2.2", "Answer"), 30_000, 30_002);
        assertThat(out.media()).extracting(MediaDescription::port).containsExactly(30_000, 0);
        assertThat(out.media().get(1).toString()).startsWith("m=video 0 RTP/AVP 31\r\n");
    }

    @Test
    void disablesAStreamTheServerGivesNoPort() {
        SessionDescription out = Anchoring.rewrite(rfc4317("2.1", "Answer"),
                AnchorPlan.of(SERVER, List.of(MediaAnchor.of(30_000), MediaAnchor.NONE)));
        assertThat(out.media()).extracting(MediaDescription::port).containsExactly(30_000, 0);
    }

    @Test
    void replacesMediaLevelAddresses() {
        // RFC 4317 section 2.8: the video goes to another host
        SessionDescription out = anchored(rfc4317("2.8", "Answer"), 30_000, 30_002);
        assertThat(out.toText()).doesNotContain("biloxi.example.com\r\nt=").doesNotContain("otherhost");
        assertThat(out.media()).allSatisfy(m -> assertThat(out.connection(m)).contains(SERVER));
    }

    @Test
    void turnsAnOldStyleHoldIntoADirection() {
        // RFC 4317 section 5.2: c=0.0.0.0 would be lost with the server's address in its place
        SessionDescription held = rfc4317("5.2", "Offer");
        SessionDescription out = anchored(held, 30_000);
        assertThat(out.connection()).isEqualTo(SERVER);
        assertThat(out.media().getFirst().directionAttribute()).contains(Direction.SENDONLY);
        assertThat(out.isHold()).isTrue();
        SessionDescription recvonly = held.withMedia(0, held.media().getFirst().withDirection(Direction.RECVONLY));
        assertThat(anchored(recvonly, 30_000).media().getFirst().directionAttribute()).contains(Direction.INACTIVE);
    }

    @Test
    void keepsAModernHoldAsItIs() {
        SessionDescription out = anchored(captured("baresip-1.0/hold-offer.sdp"), 30_000);
        assertThat(out.isHold()).isTrue();
        assertThat(out.media().getFirst().directionAttribute()).contains(Direction.SENDONLY);
    }

    @Test
    void refusesAPlanThatDoesNotFitTheDescription() {
        assertThatThrownBy(() -> anchored(rfc4317("2.1", "Offer"), 30_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 anchors for 2 media streams");
    }
}
