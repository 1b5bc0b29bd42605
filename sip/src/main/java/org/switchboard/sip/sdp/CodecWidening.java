package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Widens one stream of an offer with codecs a transcoding B2BUA can speak itself, so that two
 * phones without a common codec still get a call: the other phone may answer an added codec and
 * the server then decodes one leg and encodes the other.
 *
 * <p><b>Order</b> (RFC 3264 §5.1: the m-line order is the offerer's preference): the offerer's
 * own formats first, as they came, telephone events included, so that an answerer sharing one of
 * them picks it and the call stays relayed untouched; then the added codecs in the order given
 * (the server's preference); then any telephone-event added for them.
 *
 * <p><b>Payload types.</b> An added codec keeps its preferred number (the static one of RFC 3551
 * for PCMU, PCMA and G.722) when the stream does not use that number already, else takes the first
 * dynamic number (96-127) the stream does not use in its m-line or in an {@code rtpmap},
 * {@code fmtp} or {@code rtcp-fb} line; with none free it is not added. Every added format gets
 * its {@code a=rtpmap} (and {@code a=fmtp} when the template has one). A codec the stream already
 * offers (same name, clock rate and channels) is never added twice.
 *
 * <p><b>Telephone events.</b> Kept as offered. One is added at the clock rate of an added codec
 * only when the offerer uses telephone-event at another clock (Opus offered with
 * {@code telephone-event/48000}, PCMU added: {@code telephone-event/8000} joins): an offerer
 * without telephone-event keys in its audio, which a transcoded call carries as it is, and an
 * added telephone-event would make a relayed answerer stop sending its tones in the audio.
 */
public final class CodecWidening {
    private CodecWidening() { }

    /** The first dynamic payload type (RFC 3551 §3). */
    static final int FIRST_DYNAMIC = 96;
    /** The payload type most phones use for telephone-event, tried first. */
    static final int TELEPHONE_EVENT_PREFERRED = 101;

    /**
     * An offer after {@link #widen}.
     *
     * @param offer the widened offer (the same object when nothing was added)
     * @param added the payload types added to the stream, voice and telephone-event; empty when none
     */
    public record Widened(SessionDescription offer, Set<Integer> added) {
        public Widened {
            Objects.requireNonNull(offer, "offer");
            added = Set.copyOf(added);
        }

        /** Whether {@code payloadType} is one the widening added (not the offerer's own). */
        public boolean isAdded(int payloadType) { return added.contains(payloadType); }
    }

    /**
     * Adds {@code extra} to the RTP stream at {@code index}. A rejected stream, one that is not
     * RTP, or an index out of range leaves the offer as it is.
     *
     * @param extra the codecs to add, best first, each with its preferred payload type
     *              ({@link RtpFormat#payloadType()}) and an optional fmtp; telephone events and
     *              comfort noise in it are ignored
     */
    public static Widened widen(SessionDescription offer, int index, List<RtpFormat> extra) {
        if (index < 0 || index >= offer.media().size()) return new Widened(offer, Set.of());
        MediaDescription m = offer.media().get(index);
        if (m.isRejected() || !m.isRtp() || extra.isEmpty()) return new Widened(offer, Set.of());
        List<RtpFormat> own = m.rtpFormats();
        Set<Codec> present = new HashSet<>();
        Set<Integer> eventClocks = new LinkedHashSet<>();
        for (RtpFormat f : own) {
            present.add(f.codec());
            if (f.isTelephoneEvent()) eventClocks.add(f.clockRate());
        }
        Set<Integer> used = usedNumbers(m);
        List<String> formats = new ArrayList<>(m.formats());
        List<Attribute> attributes = new ArrayList<>(m.attributes());
        Set<Integer> added = new LinkedHashSet<>();
        List<Integer> clocks = new ArrayList<>();
        for (RtpFormat template : extra) {
            Codec codec = template.codec();
            if (codec.isTelephoneEvent() || codec.isComfortNoise() || !present.add(codec)) continue;
            int pt = choose(template.payloadType(), used);
            if (pt < 0) continue;
            add(pt, template, formats, attributes, used, added);
            if (!clocks.contains(codec.clockRate())) clocks.add(codec.clockRate());
        }
        if (!eventClocks.isEmpty()) {
            for (int clock : clocks) {
                if (eventClocks.contains(clock)) continue;
                int pt = choose(TELEPHONE_EVENT_PREFERRED, used);
                if (pt < 0) continue;
                add(pt, new RtpFormat(pt, "telephone-event", clock, 1, "0-16"), formats, attributes, used, added);
                eventClocks.add(clock);
            }
        }
        if (added.isEmpty()) return new Widened(offer, Set.of());
        MediaDescription widened = m.withFormats(formats).withAttributes(attributes);
        return new Widened(offer.withMedia(index, widened), added);
    }

    private static void add(int pt, RtpFormat template, List<String> formats, List<Attribute> attributes,
                            Set<Integer> used, Set<Integer> added) {
        formats.add(String.valueOf(pt));
        attributes.add(Attribute.of("rtpmap", pt + " " + template.encodingName() + "/" + template.clockRate()
                + (template.channels() > 1 ? "/" + template.channels() : "")));
        if (template.fmtp() != null) attributes.add(Attribute.of("fmtp", pt + " " + template.fmtp()));
        used.add(pt);
        added.add(pt);
    }

    /** The preferred number when free, else the first free dynamic one, else -1. */
    private static int choose(int preferred, Set<Integer> used) {
        if (!used.contains(preferred)) return preferred;
        for (int pt = FIRST_DYNAMIC; pt <= 127; pt++) {
            if (!used.contains(pt)) return pt;
        }
        return -1;
    }

    /** Every payload number the stream names, in its m-line or in its per-format attributes. */
    private static Set<Integer> usedNumbers(MediaDescription m) {
        Set<Integer> used = new HashSet<>();
        for (String f : m.formats()) number(f, used);
        for (Attribute a : m.attributes()) {
            if (a.is("rtpmap") || a.is("fmtp") || a.is("rtcp-fb")) number(a.firstWord(), used);
        }
        return used;
    }

    private static void number(String word, Set<Integer> into) {
        long n = word.length() <= 3 ? SdpSyntax.digits(word) : -1;
        if (n >= 0 && n <= 127) into.add((int) n);
    }
}
