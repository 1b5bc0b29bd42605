package org.switchboard.pbx.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.Codecs;
import org.switchboard.sip.sdp.Codec;
import org.switchboard.sip.sdp.CodecFilter;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpFormat;

/**
 * The codecs the server both speaks ({@link Codecs}: G.722, G.711, Opus when it loads) and offers
 * to phones ({@link CodecFilter#DEFAULT}: L16 is for recorders, not phones): what it may add to an
 * offer and decode on a leg when two phones share no codec ({@link Transcoding}).
 *
 * @param codecs the registry the server builds once; its order is the order codecs are added in
 */
record TranscodableCodecs(Codecs codecs) {

    TranscodableCodecs {
        Objects.requireNonNull(codecs, "codecs");
    }

    /**
     * What {@link org.switchboard.sip.sdp.CodecWidening} adds to an offer whose stream {@code m}
     * has a codec the server decodes, best first, each with its static payload type (RFC 3551) or
     * 96 for a dynamic one; empty when {@code m} has none (then nobody could transcode it: the
     * offer goes on unchanged, and without a common codec the answerer refuses it as before).
     */
    List<RtpFormat> additionsFor(MediaDescription m) {
        if (firstDecodable(m).isEmpty()) return List.of();
        List<RtpFormat> out = new ArrayList<>();
        for (AudioCodec c : codecs.list()) {
            if (!CodecFilter.DEFAULT.supports(codecOf(c))) continue;
            int pt = c.staticPayloadType() >= 0 ? c.staticPayloadType() : 96;
            out.add(new RtpFormat(pt, c.encodingName(), c.clockRate(), c.sdpChannels(), null));
        }
        return out;
    }

    /**
     * Every codec the server speaks and offers to phones, best first, numbered for one offer of
     * the server's own (a caller whose INVITE had no SDP, {@link ServerAnswer}): the static payload
     * type (RFC 3551) or the next free dynamic one from 96, so no two share a number.
     */
    List<RtpFormat> offerable() {
        List<RtpFormat> out = new ArrayList<>();
        int dynamic = 96;
        for (AudioCodec c : codecs.list()) {
            if (!CodecFilter.DEFAULT.supports(codecOf(c))) continue;
            int pt = c.staticPayloadType() >= 0 ? c.staticPayloadType() : dynamic++;
            out.add(new RtpFormat(pt, c.encodingName(), c.clockRate(), c.sdpChannels(), null));
        }
        return out;
    }

    /** The offerer's most preferred voice format that the server decodes (RFC 3264 §5.1), if any. */
    Optional<RtpFormat> firstDecodable(MediaDescription m) {
        return m.rtpFormats().stream().filter(this::decodes).findFirst();
    }

    /** Whether the server can decode and encode this voice format itself. */
    boolean decodes(RtpFormat f) {
        Codec codec = f.codec();
        return !codec.isTelephoneEvent() && !codec.isComfortNoise() && CodecFilter.DEFAULT.supports(codec)
                && codecs.find(f.encodingName(), f.clockRate(), f.channels()).isPresent();
    }

    private static Codec codecOf(AudioCodec c) {
        return new Codec(c.encodingName(), c.clockRate(), c.sdpChannels());
    }
}
