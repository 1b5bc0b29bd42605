package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an answer against the offer it answers (RFC 3264 §6) and works out, per stream,
 * what both sides share.
 *
 * <p>Invalid: a different number of m-lines, a different media type at a position, or an
 * accepted stream whose formats are all absent from the offer. Tolerated and repaired, as
 * peers do it and no harm follows: extra formats the offer lacked (dropped with their
 * attributes), a stream accepted although offered with port 0 (set back to 0, RFC 3264 §6),
 * a direction the offer does not allow (narrowed, RFC 3264 §6.1), a dynamic payload type
 * without {@code rtpmap} that the offer mapped (taken as the offer's codec).
 *
 * <p>RTP formats match by codec (encoding name, clock rate, channels), not by number: the
 * answer may renumber a dynamic payload type (RFC 4317 §2.3). fmtp parameters are not
 * compared. Other protos match formats word for word.
 */
public final class AnswerMatcher {
    private AnswerMatcher() { }

    public static AnswerMatch match(SessionDescription offer, SessionDescription answer) {
        if (offer.media().size() != answer.media().size()) {
            return new AnswerMatch.Invalid("answer and offer differ in number of media streams");
        }
        List<MediaDescription> cleaned = new ArrayList<>(answer.media().size());
        List<MediaMatch> matches = new ArrayList<>(answer.media().size());
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            if (!o.media().equalsIgnoreCase(a.media())) {
                return new AnswerMatch.Invalid("answer changes the media type of stream " + (i + 1));
            }
            if (o.isRejected() || a.isRejected()) {
                cleaned.add(a.withPort(0));
                matches.add(new MediaMatch(i, a.media(), true, Direction.INACTIVE, List.of(), List.of(), List.of()));
                continue;
            }
            MediaMatch match = o.isRtp() && a.isRtp() ? rtp(i, o, a) : plain(i, o, a);
            if (match.common().isEmpty()) {
                return new AnswerMatch.Invalid("answer accepts stream " + (i + 1) + " with no offered format");
            }
            Direction offered = offer.direction(o);
            Direction answered = answer.direction(a);
            Direction allowed = Direction.of(answered.sends() && offered.receives(), answered.receives() && offered.sends());
            MediaDescription kept = a.withOnlyFormats(match.common());
            if (allowed != answered) kept = kept.withDirection(allowed);
            cleaned.add(kept);
            matches.add(new MediaMatch(i, a.media(), false, allowed, match.formats(), match.common(), match.dropped()));
        }
        return new AnswerMatch.Accepted(answer.withMedia(cleaned), matches);
    }

    private static MediaMatch rtp(int index, MediaDescription o, MediaDescription a) {
        List<RtpFormat> offered = o.rtpFormats();
        Map<String, RtpFormat> answeredByNumber = byNumber(a.rtpFormats());
        Map<String, RtpFormat> offeredByNumber = byNumber(offered);
        List<MediaMatch.FormatPair> pairs = new ArrayList<>();
        List<String> common = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String f : a.formats()) {
            Optional<RtpFormat> answered = Optional.ofNullable(answeredByNumber.getOrDefault(f, offeredByNumber.get(f)));
            Optional<RtpFormat> partner = answered.flatMap(x -> partner(offered, x));
            if (partner.isPresent()) {
                pairs.add(new MediaMatch.FormatPair(partner.get(), answered.get()));
                common.add(f);
            } else {
                dropped.add(f);
            }
        }
        return new MediaMatch(index, a.media(), false, Direction.SENDRECV, pairs, common, dropped);
    }

    private static Map<String, RtpFormat> byNumber(List<RtpFormat> formats) {
        Map<String, RtpFormat> map = new HashMap<>();
        for (RtpFormat f : formats) map.putIfAbsent(String.valueOf(f.payloadType()), f);
        return map;
    }

    /** The offered format of the same codec, the one with the same number first. */
    private static Optional<RtpFormat> partner(List<RtpFormat> offered, RtpFormat answered) {
        Codec codec = answered.codec();
        Optional<RtpFormat> same = offered.stream()
                .filter(f -> f.payloadType() == answered.payloadType() && f.codec().equals(codec)).findFirst();
        return same.or(() -> offered.stream().filter(f -> f.codec().equals(codec)).findFirst());
    }

    private static MediaMatch plain(int index, MediaDescription o, MediaDescription a) {
        List<String> common = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String f : a.formats()) (o.formats().contains(f) ? common : dropped).add(f);
        return new MediaMatch(index, a.media(), false, Direction.SENDRECV, List.of(), common, dropped);
    }
}
