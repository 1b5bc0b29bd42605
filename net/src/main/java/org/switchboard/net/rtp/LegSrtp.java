package org.switchboard.net.rtp;

import java.util.Objects;
import org.switchboard.media.relay.SrtpKeys;

/**
 * The SRTP of a leg that terminates it: the phone's keys for what it sends us, ours for what
 * we send it. Replaced as a whole when keys change; a direction whose keys did not change is
 * carried over, so its rollover counters and replay window continue (RFC 3711 §3.3.1).
 */
record LegSrtp(SrtpDirection inbound, SrtpDirection outbound) {

    LegSrtp {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(outbound, "outbound");
    }

    /** The state for these keys, reusing what {@code current} (possibly null) already has for them. */
    static LegSrtp of(LegSrtp current, SrtpKeys in, SrtpKeys out) {
        Objects.requireNonNull(in, "inbound keys");
        Objects.requireNonNull(out, "outbound keys");
        SrtpDirection receive = current != null && current.inbound.keys().equals(in) ? current.inbound
                : SrtpDirection.receiving(in);
        SrtpDirection send = current != null && current.outbound.keys().equals(out) ? current.outbound
                : SrtpDirection.sending(out);
        return new LegSrtp(receive, send);
    }

    /** True when these are the keys in use. */
    boolean uses(SrtpKeys in, SrtpKeys out) {
        return inbound.keys().equals(in) && outbound.keys().equals(out);
    }
}
