package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import org.junit.jupiter.api.Test;

class RtpFormatTest {

    static MediaDescription audio(String mLineAndAttributes) {
        return sdp("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n" + mLineAndAttributes).media().getFirst();
    }

    @Test
    void readsBaresipsCodecsWithTheirParametersInOfferOrder() {
        assertThat(captured("baresip-1.0/offer.sdp").media().getFirst().rtpFormats()).containsExactly(
                new RtpFormat(0, "PCMU", 8_000, 1, null),
                new RtpFormat(8, "PCMA", 8_000, 1, null),
                new RtpFormat(9, "G722", 8_000, 1, null),
                new RtpFormat(96, "opus", 48_000, 2, "stereo=1;sprop-stereo=1"),
                new RtpFormat(101, "telephone-event", 8_000, 1, "0-15"));
    }

    @Test
    void takesStaticPayloadTypesWithoutRtpmapFromRfc3551() {
        // linphone 5.1 offers PCMU, PCMA and G.729 as bare 0, 8 and 18
        MediaDescription linphone = captured("linphone-5.1/offer.sdp").media().getFirst();
        assertThat(linphone.rtpFormats()).extracting(RtpFormat::codec).containsExactly(
                Codec.OPUS, new Codec("speex", 16_000, 1), new Codec("speex", 8_000, 1), Codec.PCMU, Codec.PCMA,
                Codec.G729, new Codec("telephone-event", 48_000, 1), new Codec("telephone-event", 16_000, 1),
                Codec.TELEPHONE_EVENT_8000);
        assertThat(linphone.rtpFormat("18")).contains(new RtpFormat(18, "G729", 8_000, 1, "annexb=yes"));
        assertThat(audio("m=audio 4000 RTP/AVP 3 9 13\n").rtpFormats()).extracting(RtpFormat::toString)
                .containsExactly("3 GSM/8000", "9 G722/8000", "13 CN/8000");
    }

    @Test
    void anRtpmapOverridesTheStaticTableAndABrokenOneIsIgnored() {
        MediaDescription m = audio("m=audio 4000 RTP/AVP 0 8 97\na=rtpmap:0 L16/16000\na=rtpmap:8 nonsense\na=rtpmap:97 iLBC\n");
        assertThat(m.rtpFormats()).extracting(RtpFormat::toString).containsExactly("0 L16/16000", "8 PCMA/8000");
    }

    @Test
    void leavesOutDynamicTypesWithoutRtpmapAndNonRtpStreams() {
        assertThat(audio("m=audio 4000 RTP/AVP 96 0\n").rtpFormats()).extracting(RtpFormat::payloadType).containsExactly(0);
        assertThat(audio("m=image 4000 udptl t38\n").rtpFormats()).isEmpty();
        assertThat(audio("m=audio 4000 RTP/AVP 128 abc 0\n").rtpFormats()).extracting(RtpFormat::payloadType).containsExactly(0);
    }

    @Test
    void recognisesTelephoneEventsAndMatchesCodecsWithoutRegardToCase() {
        RtpFormat te = captured("linphone-5.1/answer.sdp").media().getFirst().rtpFormat("101").orElseThrow();
        assertThat(te.isTelephoneEvent()).isTrue();
        assertThat(te.codec()).isEqualTo(Codec.TELEPHONE_EVENT_8000);
        assertThat(new Codec("OPUS", 48_000, 2)).isEqualTo(Codec.OPUS);
        assertThat(new Codec("opus", 48_000, 1)).isNotEqualTo(Codec.OPUS);
        assertThat(Codec.OPUS.toString()).isEqualTo("OPUS/48000/2");
    }

    @Test
    void readsTheFormatsOfEveryRtpProfile() {
        for (String proto : new String[] {"RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF"}) {
            assertThat(audio("m=audio 4000 " + proto + " 0\n").rtpFormats()).as(proto).hasSize(1);
        }
    }
}
