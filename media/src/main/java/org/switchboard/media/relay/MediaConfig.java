package org.switchboard.media.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of anchored media that do not depend on sockets. Invalid values fail in the
 * constructor with a message naming the field.
 *
 * @param ports          UDP ports for media ({@code rtp-ports}); default 10000-20000
 * @param portQuarantine how long a released pair rests before reuse; default 5 s, so late
 *                       packets of an ended call do not reach the next one; zero for none
 * @param latch          symmetric RTP latching; default any source, lock after 3 packets
 * @param mediaTimeout   a bridged leg with no RTP for this long is reported and its call ended;
 *                       default 30 s; zero disables
 * @param sweepInterval  how often the timeout sweep runs; default 1 s; 10 ms..60 s
 */
public record MediaConfig(PortRange ports, Duration portQuarantine, LatchPolicy latch, Duration mediaTimeout,
                          Duration sweepInterval) {

    public static final Duration DEFAULT_PORT_QUARANTINE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(1);

    public MediaConfig {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(portQuarantine, "portQuarantine");
        Objects.requireNonNull(latch, "latch");
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (portQuarantine.isNegative()) throw new IllegalArgumentException("portQuarantine must not be negative");
        if (mediaTimeout.isNegative()) throw new IllegalArgumentException("mediaTimeout must not be negative (zero disables)");
        if (sweepInterval.compareTo(Duration.ofMillis(10)) < 0 || sweepInterval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("sweepInterval must be 10 ms..60 s, got " + sweepInterval);
        }
    }

    public static MediaConfig defaults() {
        return new MediaConfig(PortRange.DEFAULT, DEFAULT_PORT_QUARANTINE, LatchPolicy.DEFAULT, DEFAULT_MEDIA_TIMEOUT,
                DEFAULT_SWEEP_INTERVAL);
    }

    public MediaConfig withPorts(PortRange value) {
        return new MediaConfig(value, portQuarantine, latch, mediaTimeout, sweepInterval);
    }

    public MediaConfig withPortQuarantine(Duration value) {
        return new MediaConfig(ports, value, latch, mediaTimeout, sweepInterval);
    }

    public MediaConfig withLatch(LatchPolicy value) {
        return new MediaConfig(ports, portQuarantine, value, mediaTimeout, sweepInterval);
    }

    public MediaConfig withMediaTimeout(Duration value) {
        return new MediaConfig(ports, portQuarantine, latch, value, sweepInterval);
    }

    public MediaConfig withSweepInterval(Duration value) {
        return new MediaConfig(ports, portQuarantine, latch, mediaTimeout, value);
    }
}
