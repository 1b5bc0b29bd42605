package org.switchboard.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The RTP profiles of an m-line's proto field that a server terminating SDES-keyed SRTP deals
 * with: plain RTP (RFC 3551), SRTP (RFC 3711 §12), each with or without RTCP feedback
 * (RFC 4585, RFC 5124). DTLS-SRTP's {@code UDP/TLS/RTP/SAVP(F)} (RFC 5764) is not one of them.
 */
public enum RtpProfile {
    AVP("RTP/AVP", false, false),
    AVPF("RTP/AVPF", false, true),
    SAVP("RTP/SAVP", true, false),
    SAVPF("RTP/SAVPF", true, true);

    private final String proto;
    private final boolean secure;
    private final boolean feedback;

    RtpProfile(String proto, boolean secure, boolean feedback) {
        this.proto = proto;
        this.secure = secure;
        this.feedback = feedback;
    }

    /** The proto as written on an m-line. */
    public String proto() { return proto; }

    /** True for the SRTP profiles. */
    public boolean secure() { return secure; }

    /** The same profile over plain RTP: what the relay carries once SRTP is terminated. */
    public RtpProfile plain() { return feedback ? AVPF : AVP; }

    /** The same profile over SRTP. */
    public RtpProfile secured() { return feedback ? SAVPF : SAVP; }

    /** The profile of an m-line's proto, compared without regard to case. */
    public static Optional<RtpProfile> of(String proto) {
        if (proto == null) return Optional.empty();
        String p = proto.toUpperCase(Locale.ROOT);
        for (RtpProfile r : values()) if (r.proto.equals(p)) return Optional.of(r);
        return Optional.empty();
    }

    /** The profile of a media description, if it is one of these. */
    public static Optional<RtpProfile> of(MediaDescription m) { return of(m.proto()); }
}
