package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.codec.Codecs;
import org.switchboard.sip.sdp.SessionDescription;

/** What a leg's audio settled on, and the media settings the server speaks it with. */
class NegotiatedAudioTest {

    static SessionDescription sdp(String mLine, String... attributes) {
        StringBuilder b = new StringBuilder("v=0\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n")
                .append(mLine).append("\r\n");
        for (String a : attributes) b.append("a=").append(a).append("\r\n");
        return MediaSession.parse(b.toString().getBytes()).orElseThrow();
    }

    @Test
    void theFirstVoiceFormatOfTheAnswerAndItsTelephoneEvent() {
        SessionDescription answer = sdp("m=audio 4000 RTP/AVP 13 9 0 101 100", "rtpmap:101 telephone-event/8000",
                "rtpmap:100 telephone-event/16000", "ptime:30");
        NegotiatedAudio audio = NegotiatedAudio.of(answer).orElseThrow();
        assertThat(audio.voice().encodingName()).as("comfort noise (13) is not a voice").isEqualTo("G722");
        assertThat(audio.telephoneEvent().payloadType()).as("the one at the codec's RTP clock").isEqualTo(101);

        LegAudioConfig config = audio.config(Codecs.standard(), answer, "leg@switchboard").orElseThrow();
        assertThat(config.codec().encodingName()).isEqualTo("G722");
        assertThat(config.payloadType()).isEqualTo(9);
        assertThat(config.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(config.ptimeMillis()).as("the phone's a=ptime").isEqualTo(30);
        assertThat(config.inbandDtmf()).isFalse();
    }

    @Test
    void aCodecTheRegistryDoesNotKnowGivesNoSettings() {
        SessionDescription answer = sdp("m=audio 4000 RTP/AVP 111", "rtpmap:111 opus/48000/2");
        NegotiatedAudio audio = NegotiatedAudio.of(answer).orElseThrow();
        assertThat(audio.telephoneEvent()).isNull();
        assertThat(audio.config(Codecs.standard(), answer, "leg@switchboard")).isEmpty();
    }

    @Test
    void aPacketTimeTheCodecCannotUseFallsBackTo20() {
        SessionDescription answer = sdp("m=audio 4000 RTP/AVP 0", "ptime:abc");
        assertThat(NegotiatedAudio.of(answer).orElseThrow().config(Codecs.standard(), answer, "c").orElseThrow()
                .ptimeMillis()).isEqualTo(20);
        SessionDescription tooLong = sdp("m=audio 4000 RTP/AVP 0", "ptime:200");
        assertThat(NegotiatedAudio.of(tooLong).orElseThrow().config(Codecs.standard(), tooLong, "c").orElseThrow()
                .ptimeMillis()).isEqualTo(20);
    }

    @Test
    void anOfferKeepsTheAudioOnlyWithTheSamePayloadTypes() {
        NegotiatedAudio audio = NegotiatedAudio.of(sdp("m=audio 4000 RTP/AVP 96 101", "rtpmap:96 opus/48000/2",
                "rtpmap:101 telephone-event/48000")).orElseThrow();
        assertThat(audio.offeredIn(sdp("m=audio 5000 RTP/AVP 0 96 101", "rtpmap:96 opus/48000/2").media().getFirst()))
                .isTrue();
        assertThat(audio.offeredIn(sdp("m=audio 5000 RTP/AVP 97", "rtpmap:97 opus/48000/2").media().getFirst()))
                .as("same codec, another payload type: the relay would not match").isFalse();
        assertThat(audio.offeredIn(sdp("m=audio 5000 RTP/AVP 96", "rtpmap:96 G722/8000").media().getFirst())).isFalse();
        assertThat(audio.payloadTypes(sdp("m=audio 5000 RTP/AVP 0 96", "rtpmap:96 opus/48000/2").media().getFirst()))
                .as("telephone-event only when offered again").containsExactly("96");
    }

    @Test
    void noVoiceFormatNoAudio() {
        assertThat(NegotiatedAudio.of(sdp("m=audio 4000 RTP/AVP 101", "rtpmap:101 telephone-event/8000"))).isEmpty();
        assertThat(NegotiatedAudio.of(null)).isEmpty();
    }
}
