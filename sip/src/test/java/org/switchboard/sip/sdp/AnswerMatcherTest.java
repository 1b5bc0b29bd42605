package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.rfc4317;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import org.junit.jupiter.api.Test;

class AnswerMatcherTest {

    static AnswerMatch.Accepted accepted(SessionDescription offer, SessionDescription answer) {
        AnswerMatch m = AnswerMatcher.match(offer, answer);
        assertThat(m).isInstanceOf(AnswerMatch.Accepted.class);
        return (AnswerMatch.Accepted) m;
    }

    static String invalid(SessionDescription offer, SessionDescription answer) {
        AnswerMatch m = AnswerMatcher.match(offer, answer);
        assertThat(m).isInstanceOf(AnswerMatch.Invalid.class);
        return ((AnswerMatch.Invalid) m).reason();
    }

    @Test
    void findsTheOneCodecOfEachStreamInRfc4317AudioAndVideo1() {
        AnswerMatch.Accepted a = accepted(rfc4317("2.1", "Offer"), rfc4317("2.1", "Answer"));
        assertThat(a.media()).extracting(MediaMatch::codecs)
                .containsExactly(java.util.List.of(Codec.PCMU), java.util.List.of(new Codec("MPV", 90_000, 1)));
        assertThat(a.answer()).isEqualTo(rfc4317("2.1", "Answer"));
    }

    @Test
    void matchesByCodecWhenTheAnswerRenumbersADynamicPayloadType() {
        // RFC 4317 section 2.3: iLBC offered as 97, answered as 99
        MediaMatch audio = accepted(rfc4317("2.3", "Offer"), rfc4317("2.3", "Answer")).media().getFirst();
        assertThat(audio.formats()).singleElement().satisfies(p -> {
            assertThat(p.offered().payloadType()).isEqualTo(97);
            assertThat(p.answered().payloadType()).isEqualTo(99);
            assertThat(p.codec()).isEqualTo(new Codec("iLBC", 8_000, 1));
        });
        assertThat(audio.common()).containsExactly("99");
    }

    @Test
    void keepsRejectedStreamsInPlace() {
        // RFC 4317 section 2.2: video rejected; section 2.6: first audio stream rejected
        AnswerMatch.Accepted video = accepted(rfc4317("2.2", "Offer"), rfc4317("2.2", "Answer"));
        assertThat(video.media()).extracting(MediaMatch::rejected).containsExactly(false, true);
        assertThat(video.media().getFirst().codecs()).containsExactly(Codec.PCMU, Codec.PCMA);
        assertThat(video.answer().media().get(1).port()).isZero();
        AnswerMatch.Accepted audio = accepted(rfc4317("2.6", "Offer"), rfc4317("2.6", "Answer"));
        assertThat(audio.media()).extracting(MediaMatch::rejected).containsExactly(true, false);
        assertThat(audio.media().get(1).codecs()).containsExactly(new Codec("iLBC", 8_000, 1), Codec.TELEPHONE_EVENT_8000);
    }

    @Test
    void checksEveryRfc4317Exchange() {
        for (String section : SdpGoldens.RFC4317) {
            var bodies = SdpGoldens.rfc4317(section);
            assertThat(AnswerMatcher.match(rfc4317(section, "Offer"), rfc4317(section, "Answer")))
                    .as(section).isInstanceOf(AnswerMatch.Accepted.class);
            if (bodies.containsKey("Second-Offer")) {
                assertThat(AnswerMatcher.match(rfc4317(section, "Second-Offer"), rfc4317(section, "Second-Answer")))
                        .as(section + " second").isInstanceOf(AnswerMatch.Accepted.class);
            }
        }
    }

    @Test
    void matchesTheAnswersOfRealPhones() {
        SessionDescription offer = captured("capture-offer.sdp");
        assertThat(accepted(offer, captured("linphone-5.1/answer.sdp")).media().getFirst().codecs())
                .containsExactly(Codec.PCMU, Codec.PCMA, Codec.OPUS, Codec.TELEPHONE_EVENT_8000);
        assertThat(accepted(offer, captured("baresip-1.0/answer.sdp")).media().getFirst().codecs())
                .containsExactly(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.OPUS, Codec.TELEPHONE_EVENT_8000);
        assertThat(accepted(captured("sipp-3.6/uac-offer.sdp"), captured("sipp-3.6/uas-answer.sdp")).media().getFirst().codecs())
                .containsExactly(Codec.PCMU);
    }

    @Test
    void refusesAnAnswerThatDoesNotLineUpWithTheOffer() {
        assertThat(invalid(rfc4317("2.1", "Offer"), rfc4317("4.2", "Answer")))
                .isEqualTo("answer and offer differ in number of media streams");
        SessionDescription audioThenVideo = rfc4317("2.1", "Offer");
        SessionDescription swapped = audioThenVideo.withMedia(java.util.List.of(audioThenVideo.media().get(1), audioThenVideo.media().get(0)));
        assertThat(invalid(audioThenVideo, swapped)).isEqualTo("answer changes the media type of stream 1");
        SessionDescription g729 = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 18\n");
        assertThat(invalid(rfc4317("4.2", "Offer"), g729)).isEqualTo("answer accepts stream 1 with no offered format");
    }

    @Test
    void dropsFormatsTheOfferDidNotHave() {
        SessionDescription answer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 0 13 96\na=rtpmap:96 speex/8000\na=fmtp:96 vbr=on\n");
        AnswerMatch.Accepted a = accepted(rfc4317("4.2", "Offer"), answer);
        assertThat(a.media().getFirst().dropped()).containsExactly("13", "96");
        assertThat(a.answer().media().getFirst().formats()).containsExactly("0");
        assertThat(a.answer().media().getFirst().attributes()).isEmpty();
    }

    @Test
    void takesTheOffersCodecForADynamicTypeTheAnswerLeftUnmapped() {
        SessionDescription answer = sdp(DirectionTest.HEAD + "m=audio 4000 RTP/AVP 97\n");
        MediaMatch m = accepted(rfc4317("3.1", "Offer"), answer).media().getFirst();
        assertThat(m.codecs()).containsExactly(new Codec("iLBC", 8_000, 1));
    }

    @Test
    void narrowsADirectionTheOfferDoesNotAllow() {
        // RFC 4317 section 2.4 offers telephone events sendonly; an answer of sendrecv becomes recvonly
        SessionDescription offer = rfc4317("2.4", "Offer");
        SessionDescription answer = rfc4317("2.4", "Answer");
        SessionDescription sloppy = answer.withMedia(1, answer.media().get(1).withDirection(Direction.SENDRECV));
        AnswerMatch.Accepted a = accepted(offer, sloppy);
        assertThat(a.media().get(1).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(a.answer().media().get(1).directionAttribute()).contains(Direction.RECVONLY);
        assertThat(a.media().get(0).direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void setsBackToZeroAStreamAcceptedAlthoughOfferedWithPortZero() {
        SessionDescription offer = rfc4317("4.3", "Second-Offer");
        SessionDescription answer = rfc4317("4.3", "Answer");
        AnswerMatch.Accepted a = accepted(offer, answer);
        assertThat(a.media().get(1).rejected()).isTrue();
        assertThat(a.answer().media().get(1).port()).isZero();
    }
}
