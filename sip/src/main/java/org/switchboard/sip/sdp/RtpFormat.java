package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One payload type of an RTP stream seen as a codec: the number used on the wire, the
 * encoding from {@code a=rtpmap:<pt> <name>/<clock>[/<channels>]} (RFC 8866 §6.6) or from
 * the static table of RFC 3551, and the text of {@code a=fmtp:<pt>} (RFC 8866 §6.15) if any.
 *
 * @param encodingName the name as the peer wrote it (its case kept, unlike {@link Codec})
 * @param fmtp         the format parameters, e.g. {@code 0-15} for telephone-event; null when absent
 */
public record RtpFormat(int payloadType, String encodingName, int clockRate, int channels, String fmtp) {

    public RtpFormat {
        if (payloadType < 0 || payloadType > 127) throw new IllegalArgumentException("payload type out of range");
        SdpSyntax.requireWord(encodingName, "encoding name");
        if (clockRate <= 0 || channels <= 0) throw new IllegalArgumentException("clock rate and channels must be positive");
        if (fmtp != null) SdpSyntax.requireText(fmtp, "fmtp");
    }

    /** The codec, for matching across legs whose payload numbers differ. */
    public Codec codec() { return new Codec(encodingName, clockRate, channels); }

    /** RFC 4733 telephone events (DTMF). */
    public boolean isTelephoneEvent() { return codec().isTelephoneEvent(); }

    /**
     * The formats of an RTP media in m-line order. Each numeric format takes its codec from
     * its {@code rtpmap} (a malformed one counts as absent), else from the static table;
     * formats with neither are left out. Empty when the proto is not RTP.
     */
    static List<RtpFormat> of(MediaDescription m) {
        if (!m.isRtp()) return List.of();
        Map<String, String> rtpmaps = new HashMap<>();
        Map<String, String> fmtps = new HashMap<>();
        for (Attribute a : m.attributes()) {
            if (a.value() == null) continue;
            boolean rtpmap = a.is("rtpmap");
            if (!rtpmap && !a.is("fmtp")) continue;
            String pt = a.firstWord();
            String rest = a.value().strip().substring(pt.length()).strip();
            (rtpmap ? rtpmaps : fmtps).putIfAbsent(pt, rest);
        }
        List<RtpFormat> out = new ArrayList<>(m.formats().size());
        for (String f : m.formats()) {
            int pt = (int) SdpSyntax.digits(f);
            if (pt < 0 || pt > 127 || f.length() > 3) continue;
            RtpFormat format = fromRtpmap(pt, rtpmaps.get(f), fmtps.get(f));
            if (format == null) {
                Optional<StaticPayloadType> known = StaticPayloadType.of(pt);
                if (known.isEmpty()) continue;
                Codec c = known.get().codec();
                format = new RtpFormat(pt, known.get().encodingName(), c.clockRate(), c.channels(), fmtps.get(f));
            }
            out.add(format);
        }
        return List.copyOf(out);
    }

    /** The format an {@code <name>/<clock>[/<channels>]} rtpmap text describes, or null when it is malformed. */
    private static RtpFormat fromRtpmap(int pt, String encoding, String fmtp) {
        if (encoding == null) return null;
        int slash = encoding.indexOf('/');
        if (slash <= 0) return null;
        String name = encoding.substring(0, slash);
        String rest = encoding.substring(slash + 1);
        int slash2 = rest.indexOf('/');
        long clock = SdpSyntax.digits(slash2 < 0 ? rest : rest.substring(0, slash2));
        long channels = slash2 < 0 ? 1 : SdpSyntax.digits(rest.substring(slash2 + 1));
        if (!SdpSyntax.isWord(name) || clock <= 0 || clock > 10_000_000 || channels <= 0 || channels > 255) return null;
        return new RtpFormat(pt, name, (int) clock, (int) channels, fmtp);
    }

    /** {@code 101 telephone-event/8000 (0-15)}. */
    @Override
    public String toString() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "")
                + (fmtp != null ? " (" + fmtp + ")" : "");
    }
}
