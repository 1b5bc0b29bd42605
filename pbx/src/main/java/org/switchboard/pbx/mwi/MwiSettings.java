package org.switchboard.pbx.mwi;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.switchboard.sip.transport.Flow;

/**
 * How the message-waiting notifier behaves.
 *
 * @param domain            our SIP domain: digest realm and host of {@code Message-Account}
 * @param minExpires        shortest subscription accepted, seconds (60); shorter gets 423 with Min-Expires
 * @param maxExpires        longest subscription granted, seconds ({@code mwi.max-expires}, 3600); longer is cut
 * @param defaultExpires    granted when the SUBSCRIBE has no Expires (3600, or the maximum when lower)
 * @param unsolicited       send NOTIFYs to registered phones without a subscription ({@code mwi.unsolicited}, true)
 * @param unsolicitedDelay  wait after a phone registers before its unsolicited NOTIFY, so a phone that
 *                          subscribes right after registering gets its subscription's NOTIFY only (2 s)
 * @param maxPerExtension   most subscriptions one extension may hold (20); one more gets 403
 * @param contactFor        our Contact URI for a phone on this flow
 * @param serverHeader      our Server / User-Agent header value
 */
public record MwiSettings(String domain, int minExpires, int maxExpires, int defaultExpires, boolean unsolicited,
                          Duration unsolicitedDelay, int maxPerExtension, Function<Flow, String> contactFor,
                          String serverHeader) {

    public static final int DEFAULT_MIN_EXPIRES = 60;
    public static final int DEFAULT_MAX_EXPIRES = 3600;
    public static final int DEFAULT_EXPIRES = 3600;
    public static final Duration DEFAULT_UNSOLICITED_DELAY = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_PER_EXTENSION = 20;

    public MwiSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(unsolicitedDelay, "unsolicitedDelay");
        Objects.requireNonNull(contactFor, "contactFor");
        Objects.requireNonNull(serverHeader, "serverHeader");
        if (minExpires < 1) throw new IllegalArgumentException("minExpires must be at least 1 second");
        if (maxExpires < minExpires) throw new IllegalArgumentException("maxExpires must not be below minExpires");
        if (defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("defaultExpires must lie between minExpires and maxExpires");
        }
        if (unsolicitedDelay.isNegative()) throw new IllegalArgumentException("unsolicitedDelay must not be negative");
        if (maxPerExtension < 1) throw new IllegalArgumentException("maxPerExtension must be at least 1");
    }

    /** The defaults for {@code domain}, with a subscription lifetime of at most {@code maxExpires} seconds. */
    public static MwiSettings defaults(String domain, int maxExpires, boolean unsolicited, Function<Flow, String> contactFor,
                                       String serverHeader) {
        return new MwiSettings(domain, DEFAULT_MIN_EXPIRES, maxExpires, Math.min(DEFAULT_EXPIRES, maxExpires), unsolicited,
                DEFAULT_UNSOLICITED_DELAY, DEFAULT_MAX_PER_EXTENSION, contactFor, serverHeader);
    }

    /** The account URI of an extension's mailbox: {@code sip:NUMBER@DOMAIN} (RFC 3842 §5.2 Message-Account). */
    public String accountOf(String extension) {
        return "sip:" + extension + "@" + domain;
    }
}
