package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a transcoding server adds to an offer, and where. */
class CodecWideningTest {
    static final RtpFormat G722 = new RtpFormat(9, "G722", 8000, 1, null);
    static final RtpFormat PCMU = new RtpFormat(0, "PCMU", 8000, 1, null);
    static final RtpFormat PCMA = new RtpFormat(8, "PCMA", 8000, 1, null);
    static final RtpFormat OPUS = new RtpFormat(96, "opus", 48000, 2, null);
    static final List<RtpFormat> SERVER = List.of(G722, PCMU, PCMA);

    static MediaDescription audio(CodecWidening.Widened w) { return w.offer().media().getFirst(); }

    @Test
    void addsTheServersOtherCodecsAfterTheOfferersOwnFormatsWithTheirStaticNumbers() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 9 101\na=rtpmap:9 G722/8000\n"
                + "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\na=sendrecv\n");
        CodecWidening.Widened w = CodecWidening.widen(offer, 0, SERVER);
        assertThat(audio(w).formats()).as("G.722 and events first: an answerer sharing them keeps the relay")
                .containsExactly("9", "101", "0", "8");
        assertThat(audio(w).rtpFormats()).extracting(RtpFormat::codec)
                .containsExactly(Codec.G722, Codec.TELEPHONE_EVENT_8000, Codec.PCMU, Codec.PCMA);
        assertThat(w.added()).containsExactlyInAnyOrder(0, 8);
        assertThat(w.isAdded(9)).isFalse();
        assertThat(audio(w).attributes()).extracting(Attribute::text).contains("rtpmap:0 PCMU/8000", "rtpmap:8 PCMA/8000",
                "sendrecv", "fmtp:101 0-15");
    }

    @Test
    void aStaticNumberTheOfferUsesForAnotherCodecGivesWayToAFreeDynamicOne() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 0 96 97\na=rtpmap:0 G722/8000\n"
                + "a=rtpmap:96 opus/48000/2\na=rtpmap:97 speex/8000\n");
        CodecWidening.Widened w = CodecWidening.widen(offer, 0, List.of(PCMU));
        assertThat(audio(w).formats()).containsExactly("0", "96", "97", "98");
        assertThat(audio(w).rtpFormat("98")).hasValueSatisfying(f -> assertThat(f.codec()).isEqualTo(Codec.PCMU));
    }

    @Test
    void aCodecAlreadyOfferedIsNotAddedAgainEvenUnderAnotherNumber() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 0 8 9\n");
        assertThat(CodecWidening.widen(offer, 0, SERVER).added()).isEmpty();
        SessionDescription renumbered = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 96\na=rtpmap:96 pcmu/8000\n");
        assertThat(audio(CodecWidening.widen(renumbered, 0, List.of(PCMU))).formats()).containsExactly("96");
    }

    @Test
    void telephoneEventJoinsAtTheClockOfAnAddedCodecOnlyWhenTheOffererUsesEvents() {
        SessionDescription opus = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 111 110\na=rtpmap:111 opus/48000/2\n"
                + "a=rtpmap:110 telephone-event/48000\n");
        CodecWidening.Widened w = CodecWidening.widen(opus, 0, List.of(PCMU));
        assertThat(audio(w).formats()).containsExactly("111", "110", "0", "101");
        assertThat(audio(w).attributes()).extracting(Attribute::text)
                .contains("rtpmap:101 telephone-event/8000", "fmtp:101 0-16");

        SessionDescription noEvents = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 9\n");
        assertThat(audio(CodecWidening.widen(noEvents, 0, List.of(PCMU))).formats()).containsExactly("9", "0");
    }

    @Test
    void opusGetsAFreeDynamicNumberAndItsChannelsInTheRtpmap() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 0 96 101\na=rtpmap:96 speex/16000\n"
                + "a=rtpmap:101 telephone-event/8000\n");
        CodecWidening.Widened w = CodecWidening.widen(offer, 0, List.of(OPUS));
        assertThat(audio(w).formats()).containsExactly("0", "96", "101", "97", "98");
        assertThat(audio(w).attributes()).extracting(Attribute::text)
                .contains("rtpmap:97 opus/48000/2", "rtpmap:98 telephone-event/48000");
    }

    @Test
    void onlyTheChosenRtpStreamChangesAndRejectedOrForeignStreamsStayAsTheyAre() {
        SessionDescription offer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 9\nm=audio 0 RTP/AVP 9\n"
                + "m=image 5000 udptl t38\n");
        CodecWidening.Widened w = CodecWidening.widen(offer, 0, SERVER);
        assertThat(w.offer().media().get(1)).isEqualTo(offer.media().get(1));
        assertThat(w.offer().media().get(2)).isEqualTo(offer.media().get(2));
        assertThat(CodecWidening.widen(offer, 1, SERVER).offer()).isSameAs(offer);
        assertThat(CodecWidening.widen(offer, 2, SERVER).offer()).isSameAs(offer);
        assertThat(CodecWidening.widen(offer, 7, SERVER).offer()).isSameAs(offer);
    }

    @Test
    void aStreamWithEveryDynamicNumberTakenGetsOnlyWhatFits() {
        StringBuilder m = new StringBuilder("m=audio 4000 RTP/AVP 0");
        StringBuilder maps = new StringBuilder();
        for (int pt = 96; pt <= 127; pt++) {
            m.append(' ').append(pt);
            maps.append("a=rtpmap:").append(pt).append(" x").append(pt).append("/8000\n");
        }
        SessionDescription full = sdp(DirectionTest.HEAD + m + "\n" + maps);
        CodecWidening.Widened w = CodecWidening.widen(full, 0, List.of(OPUS, PCMA));
        assertThat(w.added()).containsExactly(8);
    }

    @Test
    void widensARealBaresipOfferAndTheResultPrintsAndParsesBack() {
        SessionDescription offer = captured("baresip-1.0/offer.sdp");
        CodecWidening.Widened w = CodecWidening.widen(offer, 0, SERVER);
        assertThat(sdp(w.offer().toText())).isEqualTo(w.offer());
        assertThat(audio(w).formats().subList(0, offer.media().getFirst().formats().size()))
                .isEqualTo(offer.media().getFirst().formats());
    }
}
