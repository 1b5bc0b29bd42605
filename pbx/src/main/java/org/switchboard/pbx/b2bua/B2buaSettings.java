package org.switchboard.pbx.b2bua;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.switchboard.sip.transport.Flow;

/**
 * How the B2BUA behaves.
 *
 * @param domain          our SIP domain: digest realm, host of the From/To/P-Asserted-Identity we write
 * @param ringTimeout     how long contacts ring before the caller gets 480 (per extension later)
 * @param sessionInterval Session-Expires we ask for and grant (RFC 4028 §4); 0 turns session timers off
 * @param minSessionInterval the least interval we accept (Min-SE, RFC 4028 §5), at least 90 s
 * @param t1              RFC 3261 T1, for re-sending our 2xx until the ACK arrives (§13.3.1.4)
 * @param t2              RFC 3261 T2
 * @param contactFor      our Contact URI for a leg on this flow ({@code sip:host:port;transport=...})
 * @param mediaHostFor    the IP address our SDP announces to a phone on this flow
 * @param serverHeader    our Server / User-Agent header value
 */
public record B2buaSettings(String domain, Duration ringTimeout, Duration sessionInterval,
                           Duration minSessionInterval, Duration t1, Duration t2,
                           Function<Flow, String> contactFor, Function<Flow, String> mediaHostFor,
                           String serverHeader) {

    /** RFC 4028 §4: the recommended session interval. */
    public static final Duration DEFAULT_SESSION_INTERVAL = Duration.ofMinutes(30);
    /** RFC 4028 §5: Min-SE never below 90 seconds. */
    public static final Duration MIN_SESSION_INTERVAL = Duration.ofSeconds(90);
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

    public B2buaSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(sessionInterval, "sessionInterval");
        Objects.requireNonNull(minSessionInterval, "minSessionInterval");
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(contactFor, "contactFor");
        Objects.requireNonNull(mediaHostFor, "mediaHostFor");
        Objects.requireNonNull(serverHeader, "serverHeader");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) throw new IllegalArgumentException("ringTimeout must be positive");
        if (!sessionInterval.isZero() && sessionInterval.compareTo(minSessionInterval) < 0) {
            throw new IllegalArgumentException("sessionInterval below minSessionInterval");
        }
    }

    /** Session timers on (RFC 4028). */
    public boolean sessionTimers() { return !sessionInterval.isZero(); }
}
