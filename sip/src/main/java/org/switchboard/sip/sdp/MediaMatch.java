package org.switchboard.sip.sdp;

import java.util.List;

/**
 * How one offered stream was answered: rejected, or accepted with the formats both sides
 * share. For RTP, each pair holds the offer's and the answer's view of one codec; their
 * payload numbers may differ (RFC 3264 §6.1, RFC 4317 §2.3), and a relay that forwards
 * packets unchanged must know both.
 *
 * @param index     position of the stream in the offer and the answer
 * @param direction the answerer's direction, made compatible with the offer's (RFC 3264 §6.1)
 * @param formats   the common RTP formats in the answer's order; empty for other protos
 * @param common    the common formats as m-line words, in the answer's order (payload numbers for RTP)
 * @param dropped   formats the answer gave that the offer did not have, removed from the answer
 */
public record MediaMatch(int index, String media, boolean rejected, Direction direction,
                         List<FormatPair> formats, List<String> common, List<String> dropped) {

    public MediaMatch {
        formats = List.copyOf(formats);
        common = List.copyOf(common);
        dropped = List.copyOf(dropped);
    }

    /** One codec as the offer and the answer number it. */
    public record FormatPair(RtpFormat offered, RtpFormat answered) {
        public Codec codec() { return answered.codec(); }
    }

    /** The common codecs, telephone events included, in the answer's order. */
    public List<Codec> codecs() { return formats.stream().map(FormatPair::codec).toList(); }
}
