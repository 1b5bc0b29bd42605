package org.switchboard.sip.message;

import java.util.Optional;

/**
 * The check a UAC makes on a parsed response before matching it to a transaction. This
 * server is a UAC on every leg it originates (a B2BUA, not a proxy), so a response with more
 * than one Via was not meant for it: RFC 3261 §8.1.3.3 says to discard it, which also keeps
 * a forged second Via (a broadcast address, RFC 4475 §3.3.10) from steering a reply.
 */
public final class ResponseChecks {
    private ResponseChecks() { }

    /** The reason to discard the response silently, or empty to process it. */
    public static Optional<String> check(SipResponse response) {
        int vias = response.headers().count(HeaderNames.VIA);
        if (vias != 1) return Optional.of(vias == 0 ? "Missing Via" : "More Than One Via");
        return Optional.empty();
    }
}
