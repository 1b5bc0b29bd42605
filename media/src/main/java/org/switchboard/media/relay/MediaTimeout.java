package org.switchboard.media.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * A bridged leg received no RTP for the configured media timeout: the phone has crashed,
 * lost its network or hung up without a BYE reaching us. The B2BUA ends the call
 * (as Asterisk's {@code rtp_timeout} does).
 *
 * @param legId   the silent leg
 * @param silence how long it has been silent
 * @param stats   its media at that moment
 */
public record MediaTimeout(String legId, Duration silence, MediaStats stats) {

    public MediaTimeout {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(silence, "silence");
        Objects.requireNonNull(stats, "stats");
    }
}
