package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cuts an offer down to what a B2BUA can carry: the codecs it relays, matched by name, clock
 * rate and channels, in the offerer's order (RFC 3264 §5.1: the order is the offerer's
 * preference), over the transports it supports. What is left may then be widened with codecs the
 * server transcodes to ({@link CodecWidening}).
 *
 * <p>Per stream: a rejected stream stays as it is; a stream over another transport (the SRTP
 * profiles, unless the B2BUA already terminated SRTP and hands the stream over as plain RTP;
 * DTLS-SRTP; T.38's {@code udptl}) or with no supported codec besides telephone events and
 * comfort noise is disabled with port 0, keeping its place so the
 * answer lines up with the offer (RFC 3264 §8.2). Formats that go lose their {@code rtpmap},
 * {@code fmtp} and {@code rtcp-fb} lines. When the offer had an active stream and none is
 * left, the result is {@link CodecFilterResult.NoCommonCodec}. An offer without active
 * streams (RFC 4317 §5.1, third party call control) passes unchanged.
 *
 * @param codecs     the codecs the server relays, in no particular order
 * @param transports the m-line protos it relays, compared without regard to case
 */
public record CodecFilter(Set<Codec> codecs, Set<String> transports) {

    /** G.711 both laws, G.722, Opus and telephone events at their clocks, over plain RTP. */
    public static final CodecFilter DEFAULT = new CodecFilter(
            Set.of(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.OPUS, Codec.TELEPHONE_EVENT_8000, Codec.TELEPHONE_EVENT_48000),
            Set.of("RTP/AVP", "RTP/AVPF"));

    public CodecFilter {
        codecs = Set.copyOf(codecs);
        transports = transports.stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public CodecFilterResult filter(SessionDescription offer) {
        List<MediaDescription> out = new ArrayList<>(offer.media().size());
        Set<Codec> offered = new LinkedHashSet<>();
        boolean activeBefore = false;
        boolean activeAfter = false;
        for (MediaDescription m : offer.media()) {
            if (m.isRejected()) {
                out.add(m);
                continue;
            }
            activeBefore = true;
            List<RtpFormat> formats = m.rtpFormats();
            formats.forEach(f -> offered.add(f.codec()));
            MediaDescription kept = keep(m, formats);
            activeAfter |= !kept.isRejected();
            out.add(kept);
        }
        if (activeBefore && !activeAfter) return new CodecFilterResult.NoCommonCodec(List.copyOf(offered));
        return new CodecFilterResult.Filtered(offer.withMedia(out));
    }

    /** True when the server relays this codec. */
    public boolean supports(Codec codec) { return codecs.contains(codec); }

    private MediaDescription keep(MediaDescription m, List<RtpFormat> formats) {
        if (!m.isRtp() || !transports.contains(m.proto().toUpperCase(Locale.ROOT))) return disabled(m);
        List<String> keep = new ArrayList<>();
        boolean voice = false;
        for (RtpFormat f : formats) {
            Codec c = f.codec();
            if (!codecs.contains(c)) continue;
            keep.add(String.valueOf(f.payloadType()));
            voice |= !c.isTelephoneEvent() && !c.isComfortNoise();
        }
        return voice ? m.withOnlyFormats(keep) : disabled(m);
    }

    /** A stream turned off in an offer: port 0, its formats kept for the grammar, no attributes. */
    private static MediaDescription disabled(MediaDescription m) {
        return m.withPort(0).withAttributes(List.of());
    }
}
