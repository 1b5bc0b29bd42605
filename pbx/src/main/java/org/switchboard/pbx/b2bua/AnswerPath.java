package org.switchboard.pbx.b2bua;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.sip.sdp.Attribute;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.MediaMatch;
import org.switchboard.sip.sdp.RtpFormat;
import org.switchboard.sip.sdp.SessionDescription;

/**
 * How the audio of one offer/answer exchange travels once the answer to a widened offer
 * ({@link org.switchboard.sip.sdp.CodecWidening}) is in: relayed untouched, or transcoded.
 *
 * <p>The answerer's first voice format decides: it is the codec the answerer picked, the one we
 * send it (RFC 3264 §7) and the one phones send in practice. An answerer that keeps the offer's
 * order (the widened offer lists the offerer's own codecs first) picks a common codec whenever it
 * has one.
 *
 * <ul>
 *   <li><b>Relayed</b> when that is a codec the offerer offered itself (the fast path, the
 *       default). The answer goes to the offerer without the formats the server added, which the
 *       offerer never offered.</li>
 *   <li><b>Transcoded</b> when the answerer picked a codec the server added: the offerer is answered with
 *       its own most preferred codec that the server decodes and its telephone-event if it offered
 *       one (the server ends both legs, so events need not be common), under its own payload
 *       numbers, {@code rtpmap} and {@code fmtp}; the answerer's direction and other attributes
 *       stay, its {@code ptime} goes (it spoke of the answerer's codec).</li>
 * </ul>
 */
sealed interface AnswerPath {

    /** What the offerer receives as the answer (plain RTP view, before anchoring and SRTP). */
    SessionDescription toOfferer();

    record Relayed(SessionDescription toOfferer) implements AnswerPath { }

    record Transcoded(SessionDescription toOfferer) implements AnswerPath { }

    /**
     * @param offer    the offerer's own offer, after the codec filter (plain RTP view)
     * @param added    the payload types the server added to the offer it passed on
     * @param match    how the answerer answered the anchored stream of that widened offer
     * @param answer   the answer as matched (plain RTP view)
     * @param anchored the index of the anchored audio stream
     */
    static AnswerPath of(SessionDescription offer, Set<Integer> added, MediaMatch match, SessionDescription answer,
                         int anchored, TranscodableCodecs codecs) {
        if (added.isEmpty() || anchored < 0) return new Relayed(answer);
        Set<String> addedWords = new HashSet<>();
        for (MediaMatch.FormatPair p : match.formats()) {
            if (added.contains(p.offered().payloadType())) addedWords.add(String.valueOf(p.answered().payloadType()));
        }
        boolean pickedAdded = match.formats().stream()
                .filter(p -> !p.codec().isTelephoneEvent() && !p.codec().isComfortNoise()).findFirst()
                .map(p -> added.contains(p.offered().payloadType())).orElse(false);
        MediaDescription am = answer.media().get(anchored);
        Optional<RtpFormat> own = codecs.firstDecodable(offer.media().get(anchored));
        if (!pickedAdded || own.isEmpty()) {
            if (addedWords.isEmpty()) return new Relayed(answer);
            List<String> kept = am.formats().stream().filter(f -> !addedWords.contains(f)).toList();
            return new Relayed(answer.withMedia(anchored, am.withOnlyFormats(kept)));
        }
        return new Transcoded(answer.withMedia(anchored, ownAudio(offer.media().get(anchored), own.get(), am)));
    }

    /** The answerer's stream, speaking the offerer's {@code voice} (and telephone-event) instead. */
    private static MediaDescription ownAudio(MediaDescription om, RtpFormat voice, MediaDescription am) {
        List<String> formats = new ArrayList<>(2);
        formats.add(String.valueOf(voice.payloadType()));
        om.rtpFormats().stream().filter(RtpFormat::isTelephoneEvent)
                .filter(f -> f.clockRate() == voice.clockRate()).findFirst()
                .or(() -> om.rtpFormats().stream().filter(RtpFormat::isTelephoneEvent).findFirst())
                .ifPresent(f -> formats.add(String.valueOf(f.payloadType())));
        List<Attribute> attributes = new ArrayList<>();
        for (Attribute a : om.attributes()) {
            if ((a.is("rtpmap") || a.is("fmtp")) && formats.contains(a.firstWord())) attributes.add(a);
        }
        for (Attribute a : am.attributes()) {
            boolean perFormat = a.is("rtpmap") || a.is("fmtp") || a.is("rtcp-fb") && !a.firstWord().equals("*");
            if (!perFormat && !a.is("ptime") && !a.is("maxptime")) attributes.add(a);
        }
        return am.withFormats(formats).withAttributes(attributes);
    }
}
