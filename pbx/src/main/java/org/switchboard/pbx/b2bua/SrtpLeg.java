package org.switchboard.pbx.b2bua;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.sip.sdp.CryptoAttribute;
import org.switchboard.sip.sdp.CryptoParseResult;
import org.switchboard.sip.sdp.CryptoSuite;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpProfile;

/**
 * The SDES-SRTP state of one leg's anchored stream (RFC 4568, RFC 3711), as the offer/answer
 * exchanges with its phone left it: the RTP profile the phone uses, the phone's key (what it
 * sends with) and ours (what we send with). The server terminates SRTP on each leg, so each
 * leg negotiates alone; the relay in between carries plain RTP. An immutable value: every step
 * returns the next state, which the call keeps only when the whole offer or answer is accepted.
 *
 * <p>The rules, as SBCs apply them (Asterisk {@code media_encryption=sdes}, FreeSWITCH
 * {@code rtp_secure_media}):
 * <ul>
 * <li><b>Keys only over TLS.</b> An {@code a=crypto} key is never sent to, nor taken from, a
 *     phone whose signalling is not TLS (RFC 4568 §8.3: the key is in clear otherwise). On UDP
 *     or TCP its crypto lines are ignored; an {@code RTP/SAVP} offer there is refused with 488
 *     and Warning 302 (the transport it names is not available), as Asterisk does when the
 *     endpoint's media encryption does not match; answering {@code RTP/AVP} instead would be
 *     an invalid answer (RFC 3264 §6: the answer keeps the offer's transport).</li>
 * <li><b>Answering.</b> Of the phone's crypto lines the first one this server supports wins
 *     (the offerer's preference, RFC 4568 §7.1.1); lines asking for what it does not do
 *     ({@code UNENCRYPTED_SRTP}, {@code UNENCRYPTED_SRTCP}, {@code UNAUTHENTICATED_SRTP},
 *     {@code FEC_KEY}, a non-zero {@code KDR}) are skipped. The answer carries exactly one
 *     line, with the chosen tag and suite and our own fresh key (§6.1), and the profile the
 *     phone offered. Best-effort SRTP ({@code RTP/AVP} with {@code a=crypto}, baresip's
 *     {@code mediaenc=srtp}, Asterisk's {@code media_encryption_optimistic}) is answered the
 *     same way. {@code RTP/SAVP} without a usable line: 488.</li>
 * <li><b>Offering.</b> Over TLS and unless the policy is off, two lines
 *     ({@code AES_CM_128_HMAC_SHA1_80} tag 1, {@code _32} tag 2, as Asterisk offers), with
 *     {@code RTP/SAVP} when the policy is required, when the other leg insisted on
 *     {@code RTP/SAVP} (the caller's profile is kept, as an SBC keeps it by default), or when
 *     this leg already runs {@code RTP/SAVP}; otherwise best-effort {@code RTP/AVP} with the
 *     lines, which phones without SRTP simply ignore. The phone's answer picks one of our lines
 *     by tag; none, to an {@code RTP/SAVP} offer, is an invalid answer.</li>
 * <li><b>Required.</b> No plain RTP: a phone not on TLS, or an offer without a usable line,
 *     is refused with 488 and Warning 399 saying why.</li>
 * <li><b>Re-offers</b> keep keys: our re-offer carries the line in use (same tag, same key);
 *     a new key from the phone, in its re-offer or its answer, is taken (re-keying); our key
 *     changes only when the phone changes suite.</li>
 * </ul>
 *
 * @param profile        the profile the phone uses on the anchored stream; null before any exchange
 * @param local          our line in use (we encrypt with it), null for plain RTP
 * @param remote         the phone's line in use (we decrypt with it), null for plain RTP
 * @param offeredProfile the profile of our offer waiting for its answer, null when none waits
 * @param offered        the lines of that offer
 */
record SrtpLeg(SrtpPolicy policy, String extension, RtpProfile profile, CryptoAttribute local,
               CryptoAttribute remote, RtpProfile offeredProfile, List<CryptoAttribute> offered) {

    /** Session parameters this server cannot honour (RFC 4568 §6.3): a line asking for one is skipped. */
    private static final List<String> UNSUPPORTED_PARAMS =
            List.of("UNENCRYPTED_SRTP", "UNENCRYPTED_SRTCP", "UNAUTHENTICATED_SRTP", "FEC_KEY");

    SrtpLeg {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(extension, "extension");
        offered = List.copyOf(offered);
        if ((local == null) != (remote == null)) throw new IllegalArgumentException("keys come in pairs");
    }

    /** A leg that has not negotiated yet. */
    static SrtpLeg of(SrtpPolicy policy, String extension) {
        return new SrtpLeg(policy, extension, null, null, null, null, List.of());
    }

    /** The outcome of the phone's offer or answer. */
    sealed interface Decision {
        record Agreed(SrtpLeg leg) implements Decision { }

        /** @param warning a Warning header value (RFC 3261 §20.43) for the 488 */
        record Refused(String warning) implements Decision { }
    }

    /** Our offer to the phone and the state that waits for its answer. */
    record Offer(MediaDescription media, SrtpLeg leg) { }

    /** True when the leg terminates SRTP. */
    boolean encrypted() { return local != null; }

    /**
     * The phone's offer of the anchored stream.
     *
     * @param secure whether the phone's signalling runs over TLS
     */
    Decision takeOffer(MediaDescription m, boolean secure, SecureRandom random) {
        RtpProfile p = RtpProfile.of(m).orElse(null);
        if (p == null) return agreed(plain(null));  // not an RTP profile we terminate: the codec filter decides
        if (!secure) {
            if (policy == SrtpPolicy.REQUIRED) return requiredNeedsTls();
            if (p.secure()) return refused("302", p.proto() + " needs TLS signalling (sips: or transport=tls):"
                    + " SRTP keys are not sent in clear");
            return agreed(plain(p));
        }
        if (policy == SrtpPolicy.OFF) {
            if (p.secure()) return refused("302", "SRTP is off for extension " + extension + ": offer RTP/AVP");
            return agreed(plain(p));
        }
        String skipped = null;
        CryptoAttribute chosen = null;
        for (CryptoParseResult r : CryptoAttribute.of(m)) {
            String why = switch (r) {
                case CryptoParseResult.Skipped s -> s.reason();
                case CryptoParseResult.Parsed parsed -> unsupportedParameter(parsed.crypto());
            };
            if (why == null) {
                chosen = ((CryptoParseResult.Parsed) r).crypto();
                break;
            }
            if (skipped == null) skipped = why;
        }
        if (chosen == null) {
            if (p.secure() || policy == SrtpPolicy.REQUIRED) {
                String what = skipped != null ? "no usable a=crypto line (" + skipped + ")" : "no a=crypto line";
                return refused("399", (policy == SrtpPolicy.REQUIRED ? "SRTP is required for extension " + extension
                        + ": " : "") + what);
            }
            return agreed(plain(p));
        }
        CryptoAttribute ours = local != null && local.suite() == chosen.suite()
                ? local.withTag(chosen.tag()) : CryptoAttribute.generate(chosen.tag(), chosen.suite(), random);
        return agreed(new SrtpLeg(policy, extension, p, ours, chosen, null, List.of()));
    }

    /** Our answer to the phone's offer: its profile, and our one line when the leg is encrypted. */
    MediaDescription answer(MediaDescription m) {
        if (profile == null) return m;
        MediaDescription out = m.withProto(profile.proto());
        return local == null || m.isRejected() ? out : withLines(out, List.of(local));
    }

    /**
     * Our offer to the phone, from the anchored description of the other leg's offer.
     *
     * @param secure whether the phone's signalling runs over TLS
     * @param insist whether the other leg insisted on {@code RTP/SAVP}
     */
    Offer offer(MediaDescription m, boolean secure, boolean insist, SecureRandom random) {
        RtpProfile base = RtpProfile.of(m).map(RtpProfile::plain).orElse(null);
        if (base == null || m.isRejected()) return new Offer(m, this);
        if (!secure || policy == SrtpPolicy.OFF) {
            return new Offer(m.withProto(base.proto()), new SrtpLeg(policy, extension, profile, local, remote, base,
                    List.of()));
        }
        boolean savp = policy == SrtpPolicy.REQUIRED || insist || (profile != null && profile.secure() && encrypted());
        RtpProfile p = savp ? base.secured() : base;
        List<CryptoAttribute> lines = local != null ? List.of(local) : List.of(
                CryptoAttribute.generate(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, random),
                CryptoAttribute.generate(2, CryptoSuite.AES_CM_128_HMAC_SHA1_32, random));
        return new Offer(withLines(m.withProto(p.proto()), lines), new SrtpLeg(policy, extension, profile, local,
                remote, p, lines));
    }

    /**
     * The phone's answer to our offer.
     *
     * @param secure whether the phone's signalling runs over TLS
     */
    Decision takeAnswer(MediaDescription m, boolean secure) {
        if (offeredProfile == null) return agreed(this);
        if (m.isRejected() || !secure || offered.isEmpty()) return agreed(plain(offeredProfile));
        for (CryptoAttribute theirs : CryptoAttribute.usable(m)) {
            if (unsupportedParameter(theirs) != null) continue;
            for (CryptoAttribute ours : offered) {
                if (ours.tag() == theirs.tag() && ours.suite() == theirs.suite()) {
                    return agreed(new SrtpLeg(policy, extension, offeredProfile, ours, theirs, null, List.of()));
                }
            }
        }
        if (offeredProfile.secure()) {
            return refused("399", "the answer to our " + offeredProfile.proto() + " offer has no a=crypto line"
                    + " matching ours");
        }
        return agreed(plain(offeredProfile));
    }

    private SrtpLeg plain(RtpProfile p) { return new SrtpLeg(policy, extension, p, null, null, null, List.of()); }

    private Decision requiredNeedsTls() {
        return refused("399", "SRTP is required for extension " + extension + ": call over TLS (sips: or transport=tls)");
    }

    private static Decision agreed(SrtpLeg leg) { return new Decision.Agreed(leg); }

    private static Decision refused(String code, String text) {
        return new Decision.Refused(code + " switchboard \"" + text.replace('"', '\'') + "\"");
    }

    /** Why a parsed line cannot be used here, or null. */
    private static String unsupportedParameter(CryptoAttribute c) {
        for (String p : UNSUPPORTED_PARAMS) if (c.hasSessionParam(p)) return "crypto session parameter not supported";
        for (String p : c.sessionParams()) {
            if (p.startsWith("KDR=") && !p.equals("KDR=0")) return "crypto key derivation rate not supported";
        }
        return null;
    }

    private static MediaDescription withLines(MediaDescription m, List<CryptoAttribute> lines) {
        List<org.switchboard.sip.sdp.Attribute> attributes = new ArrayList<>(m.attributes());
        attributes.removeIf(a -> a.is(CryptoAttribute.NAME));
        for (CryptoAttribute c : lines) attributes.add(c.attribute());
        return m.withAttributes(attributes);
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "SrtpLeg[" + policy + " " + extension + ", " + (profile == null ? "-" : profile.proto())
                + (local == null ? ", plain" : ", " + local.suite()) + "]";
    }
}
