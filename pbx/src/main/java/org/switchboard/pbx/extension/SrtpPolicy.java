package org.switchboard.pbx.extension;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an extension's calls use SRTP (RFC 3711) keyed by SDES (RFC 4568). SDES keys travel
 * in the SDP, so they are only ever sent to or accepted from a phone whose signalling runs
 * over TLS (RFC 4568 §8.3); a phone on UDP or TCP always gets plain RTP.
 *
 * <p>The default is {@link #OPTIONAL}: a phone over TLS that offers {@code a=crypto} (baresip,
 * Linphone, desk phones with SRTP on) gets SRTP, and any other phone works as before. That is
 * what most administrators want from a PBX whose phones they do not all control;
 * {@link #REQUIRED} is for extensions whose calls must never be in clear.
 */
public enum SrtpPolicy {
    /**
     * Every call of this extension is SRTP: it must call and be called over TLS; its offers
     * without {@code a=crypto} are refused with 488, and the server offers it {@code RTP/SAVP}.
     */
    REQUIRED,
    /** SRTP when the phone is on TLS and offers or accepts it, plain RTP otherwise. */
    OPTIONAL,
    /** Never SRTP: {@code a=crypto} is ignored, {@code RTP/SAVP} offers are refused with 488. */
    OFF;

    /** The policy of extensions that say nothing. */
    public static final SrtpPolicy DEFAULT = OPTIONAL;
    public static final String RULE = "srtp must be required, optional or off";

    /** The word used in the CLI, the REST API and the database. */
    public String word() { return name().toLowerCase(Locale.ROOT); }

    /** The policy named by {@code word}, without regard to case. */
    public static Optional<SrtpPolicy> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toUpperCase(Locale.ROOT);
        for (SrtpPolicy p : values()) if (p.name().equals(w)) return Optional.of(p);
        return Optional.empty();
    }
}
