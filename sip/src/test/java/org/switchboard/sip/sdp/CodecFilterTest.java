package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.rfc4317;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecFilterTest {

    static SessionDescription filtered(SessionDescription offer) {
        CodecFilterResult r = CodecFilter.DEFAULT.filter(offer);
        assertThat(r).isInstanceOf(CodecFilterResult.Filtered.class);
        return ((CodecFilterResult.Filtered) r).offer();
    }

    static CodecFilterResult.NoCommonCodec refused(SessionDescription offer) {
        CodecFilterResult r = CodecFilter.DEFAULT.filter(offer);
        assertThat(r).isInstanceOf(CodecFilterResult.NoCommonCodec.class);
        return (CodecFilterResult.NoCommonCodec) r;
    }

    @Test
    void keepsBaresipsOfferWhole() {
        SessionDescription offer = captured("baresip-1.0/offer.sdp");
        assertThat(filtered(offer)).isEqualTo(offer);
    }

    @Test
    void cutsLinphonesOfferToSupportedCodecsInItsOwnOrder() {
        MediaDescription audio = filtered(captured("linphone-5.1/offer.sdp")).media().getFirst();
        // opus, PCMU, PCMA, telephone-event/48000, telephone-event/8000; speex, G.729 and telephone-event/16000 go
        assertThat(audio.formats()).containsExactly("96", "0", "8", "99", "101");
        assertThat(audio.attributes()).extracting(Attribute::text).containsExactly(
                "rtpmap:96 opus/48000/2", "fmtp:96 useinbandfec=1", "rtpmap:99 telephone-event/48000",
                "rtpmap:101 telephone-event/8000", "rtcp-fb:* trr-int 5000", "rtcp-fb:* ccm tmmbr");
    }

    @Test
    void keepsTheOffererOrderWhateverTheServerPrefers() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 9 8 0\n");
        assertThat(filtered(offer).media().getFirst().formats()).containsExactly("9", "8", "0");
    }

    @Test
    void saysSoWhenNoCodecIsCommon() {
        SessionDescription g729 = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 18 101\na=rtpmap:18 G729/8000\n"
                + "a=rtpmap:101 telephone-event/8000\n");
        assertThat(refused(g729).offered()).containsExactly(Codec.G729, Codec.TELEPHONE_EVENT_8000);
        SessionDescription eventsOnly = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 101\na=rtpmap:101 telephone-event/8000\n");
        assertThat(refused(eventsOnly).offered()).containsExactly(Codec.TELEPHONE_EVENT_8000);
    }

    @Test
    void refusesMandatorySrtpUntilItIsSupported() {
        SessionDescription srtp = captured("baresip-1.0/srtp-ice-offer.sdp");
        assertThat(refused(srtp).offered()).contains(Codec.PCMU, Codec.OPUS);
        CodecFilter withSrtp = new CodecFilter(CodecFilter.DEFAULT.codecs(), Set.of("rtp/avp", "RTP/SAVP"));
        assertThat(withSrtp.filter(srtp)).isInstanceOf(CodecFilterResult.Filtered.class);
    }

    @Test
    void disablesVideoButKeepsItsPlace() {
        // RFC 4317 section 2.1: audio PCMU/PCMA/iLBC and video H.261/MPV
        SessionDescription offer = filtered(rfc4317("2.1", "Offer"));
        assertThat(offer.media()).hasSize(2);
        assertThat(offer.media().get(0).formats()).containsExactly("0", "8");
        assertThat(offer.media().get(0).attributes()).extracting(Attribute::text)
                .containsExactly("rtpmap:0 PCMU/8000", "rtpmap:8 PCMA/8000");
        assertThat(offer.media().get(1).toString()).isEqualTo("m=video 0 RTP/AVP 31 32\r\n");
    }

    @Test
    void disablesAStreamOfTelephoneEventsAlone() {
        // RFC 4317 section 2.4: a second audio stream carries only telephone events
        SessionDescription offer = filtered(rfc4317("2.4", "Offer"));
        assertThat(offer.media().get(0).formats()).containsExactly("0");
        assertThat(offer.media().get(1).isRejected()).isTrue();
    }

    @Test
    void leavesRejectedStreamsAndOffersWithoutMediaAlone() {
        SessionDescription noMedia = rfc4317("5.1", "Offer");
        assertThat(filtered(noMedia)).isEqualTo(noMedia);
        // RFC 4317 section 2.2: the declined video stays at port 0 in the second offer
        SessionDescription removed = rfc4317("2.2", "Second-Offer");
        assertThat(filtered(removed)).isEqualTo(removed);
    }

    @Test
    void disablesT38AndOtherNonRtpStreams() {
        SessionDescription fax = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 0\nm=image 4002 udptl t38\na=T38FaxVersion:0\n");
        SessionDescription out = filtered(fax);
        assertThat(out.media().get(1).isRejected()).isTrue();
        assertThat(out.media().get(1).attributes()).isEmpty();
    }
}
