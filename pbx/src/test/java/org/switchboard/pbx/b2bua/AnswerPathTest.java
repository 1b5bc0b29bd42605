package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.Codecs;
import org.switchboard.sip.sdp.AnswerMatch;
import org.switchboard.sip.sdp.AnswerMatcher;
import org.switchboard.sip.sdp.Attribute;
import org.switchboard.sip.sdp.CodecWidening;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpFormat;
import org.switchboard.sip.sdp.SessionDescription;

/** Relayed or transcoded: what an answer to a widened offer means, and what the offerer is told. */
class AnswerPathTest {

    /** Opus as the registry knows it when libopus or the Java port loads; never asked to code here. */
    static final AudioCodec OPUS = new AudioCodec() {
        @Override public String encodingName() { return "opus"; }
        @Override public int clockRate() { return 48_000; }
        @Override public int sdpChannels() { return 2; }
        @Override public int staticPayloadType() { return -1; }
        @Override public int sampleRate() { return 48_000; }
        @Override public AudioEncoder newEncoder() { throw new UnsupportedOperationException(); }
        @Override public AudioDecoder newDecoder() { throw new UnsupportedOperationException(); }
    };
    static final TranscodableCodecs WITH_OPUS = new TranscodableCodecs(Codecs.standard().with(OPUS));

    static SessionDescription sdp(String mLine, String... attributes) {
        return NegotiatedAudioTest.sdp(mLine, attributes);
    }

    /** Widens {@code offer} as the server does, lets {@code answer} answer it, and decides. */
    static AnswerPath decide(SessionDescription offer, SessionDescription answer) {
        MediaDescription m = offer.media().getFirst();
        CodecWidening.Widened widened = CodecWidening.widen(offer, 0, WITH_OPUS.additionsFor(m));
        AnswerMatch.Accepted accepted = (AnswerMatch.Accepted) AnswerMatcher.match(widened.offer(), answer);
        return AnswerPath.of(offer, widened.added(), accepted.media().getFirst(), accepted.answer(), 0, WITH_OPUS);
    }

    @Test
    void theServerAddsItsPhoneCodecsInItsOwnOrderButNeverL16() {
        MediaDescription pcmu = sdp("m=audio 4000 RTP/AVP 0").media().getFirst();
        assertThat(WITH_OPUS.additionsFor(pcmu)).extracting(RtpFormat::encodingName, RtpFormat::payloadType)
                .containsExactly(tuple("G722", 9), tuple("PCMU", 0), tuple("PCMA", 8), tuple("opus", 96));
        MediaDescription speex = sdp("m=audio 4000 RTP/AVP 97", "rtpmap:97 speex/8000").media().getFirst();
        assertThat(WITH_OPUS.additionsFor(speex)).as("nothing to decode: nothing to add").isEmpty();
    }

    @Test
    void anOpusCallerAnsweredInPcmuIsTranscodedAndToldOfItsOwnOpusWithItsFmtp() {
        SessionDescription offer = sdp("m=audio 4000 RTP/AVP 111 110", "rtpmap:111 opus/48000/2",
                "fmtp:111 useinbandfec=1", "rtpmap:110 telephone-event/48000", "ptime:20");
        SessionDescription answer = sdp("m=audio 6000 RTP/AVP 0 101", "rtpmap:0 PCMU/8000",
                "rtpmap:101 telephone-event/8000", "ptime:30", "sendrecv");

        AnswerPath path = decide(offer, answer);

        assertThat(path).isInstanceOf(AnswerPath.Transcoded.class);
        MediaDescription toOfferer = path.toOfferer().media().getFirst();
        assertThat(toOfferer.formats()).containsExactly("111", "110");
        assertThat(toOfferer.attributes()).extracting(Attribute::text).containsExactly("rtpmap:111 opus/48000/2",
                "fmtp:111 useinbandfec=1", "rtpmap:110 telephone-event/48000", "sendrecv");
    }

    @Test
    void anAnswerPickingOneOfTheOfferersCodecsIsRelayedWithoutTheAddedOnes() {
        SessionDescription offer = sdp("m=audio 4000 RTP/AVP 9 101", "rtpmap:101 telephone-event/8000");
        SessionDescription answer = sdp("m=audio 6000 RTP/AVP 9 0 101", "rtpmap:101 telephone-event/8000");

        AnswerPath path = decide(offer, answer);

        assertThat(path).isInstanceOf(AnswerPath.Relayed.class);
        assertThat(path.toOfferer().media().getFirst().formats()).containsExactly("9", "101");
    }

    @Test
    void theAnswerersFirstVoiceFormatDecidesEvenWhenACommonOneFollows() {
        SessionDescription offer = sdp("m=audio 4000 RTP/AVP 9 101", "rtpmap:101 telephone-event/8000");
        SessionDescription answer = sdp("m=audio 6000 RTP/AVP 101 0 9", "rtpmap:101 telephone-event/8000");

        AnswerPath path = decide(offer, answer);

        assertThat(path).as("it picked PCMU, which it will send").isInstanceOf(AnswerPath.Transcoded.class);
        assertThat(path.toOfferer().media().getFirst().formats()).containsExactly("9", "101");
    }

    @Test
    void anAnswerToAnOfferNothingWasAddedToPassesAsItIs() {
        SessionDescription offer = sdp("m=audio 4000 RTP/AVP 97", "rtpmap:97 speex/8000");
        SessionDescription answer = sdp("m=audio 6000 RTP/AVP 97", "rtpmap:97 speex/8000");
        AnswerPath path = decide(offer, answer);
        assertThat(path).isEqualTo(new AnswerPath.Relayed(answer));
    }

    @Test
    void theOfferersTelephoneEventIsKeptEvenWhenTheAnswererHasNone() {
        SessionDescription offer = sdp("m=audio 4000 RTP/AVP 9 101", "rtpmap:101 telephone-event/8000");
        SessionDescription answer = sdp("m=audio 6000 RTP/AVP 8");
        MediaDescription toOfferer = decide(offer, answer).toOfferer().media().getFirst();
        assertThat(toOfferer.formats()).containsExactly("9", "101");
        assertThat(List.copyOf(toOfferer.rtpFormats())).extracting(RtpFormat::encodingName)
                .containsExactly("G722", "telephone-event");
    }
}
