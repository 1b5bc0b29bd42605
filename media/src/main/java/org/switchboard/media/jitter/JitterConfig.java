package org.switchboard.media.jitter;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link JitterBuffer}. Invalid values fail in the constructor with a message
 * naming the field.
 *
 * @param clockRate  the RTP clock rate of the stream (RFC 3550 §5.1, the {@code a=rtpmap} rate):
 *                   8000 for G.711 and G.722, 48000 for Opus; 1000..192000
 * @param ptime      the packet duration to assume until two packets tell the real one
 *                   ({@code a=ptime}, RFC 4566 §6); default 20 ms; 1..120 ms
 * @param minDelay   the least playout delay beyond the fastest packet; default 20 ms (one
 *                   frame of the media tick: less buys nothing since playout is paced in ticks)
 * @param maxDelay   the most; default 200 ms, as Asterisk's {@code jbmaxsize}: with typical
 *                   network delay it keeps mouth-to-ear delay within the 400 ms that ITU-T
 *                   G.114 calls acceptable, while riding out Wi-Fi and cellular jitter spikes
 *                   of 100-200 ms; a packet later than this is dropped; up to 2 s
 * @param capacity   packets held at most, a power of two 8..4096; default 64 (640 ms of 10 ms
 *                   packets, over three times the default maximum delay); more is an overflow
 *                   and the oldest are dropped
 * @param maxPayload the largest payload accepted, in bytes; default 8192 (L16 at 48 kHz in
 *                   60 ms packets is 5760); slots grow to what arrives, so this costs nothing
 */
public record JitterConfig(int clockRate, Duration ptime, Duration minDelay, Duration maxDelay, int capacity,
                           int maxPayload) {

    public static final Duration DEFAULT_PTIME = Duration.ofMillis(20);
    public static final Duration DEFAULT_MIN_DELAY = Duration.ofMillis(20);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(200);
    public static final int DEFAULT_CAPACITY = 64;
    public static final int DEFAULT_MAX_PAYLOAD = 8192;

    public JitterConfig {
        Objects.requireNonNull(ptime, "ptime");
        Objects.requireNonNull(minDelay, "minDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("clockRate must be 1000..192000 Hz, got " + clockRate);
        }
        if (ptime.compareTo(Duration.ofMillis(1)) < 0 || ptime.compareTo(Duration.ofMillis(120)) > 0) {
            throw new IllegalArgumentException("ptime must be 1..120 ms, got " + ptime.toMillis() + " ms");
        }
        if (minDelay.isNegative()) {
            throw new IllegalArgumentException("minDelay must not be negative");
        }
        if (maxDelay.compareTo(minDelay) < 0 || maxDelay.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("maxDelay must be minDelay.." + "2000 ms, got " + maxDelay.toMillis() + " ms");
        }
        if (capacity < 8 || capacity > 4096 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two 8..4096, got " + capacity);
        }
        if (maxPayload < 1 || maxPayload > 65_507) {
            throw new IllegalArgumentException("maxPayload must be 1..65507 bytes, got " + maxPayload);
        }
    }

    /** The defaults for a stream of {@code clockRate} Hz. */
    public static JitterConfig forClockRate(int clockRate) {
        return new JitterConfig(clockRate, DEFAULT_PTIME, DEFAULT_MIN_DELAY, DEFAULT_MAX_DELAY, DEFAULT_CAPACITY,
                DEFAULT_MAX_PAYLOAD);
    }

    public JitterConfig withPtime(Duration value) {
        return new JitterConfig(clockRate, value, minDelay, maxDelay, capacity, maxPayload);
    }

    public JitterConfig withMinDelay(Duration value) {
        return new JitterConfig(clockRate, ptime, value, maxDelay, capacity, maxPayload);
    }

    public JitterConfig withMaxDelay(Duration value) {
        return new JitterConfig(clockRate, ptime, minDelay, value, capacity, maxPayload);
    }

    public JitterConfig withCapacity(int value) {
        return new JitterConfig(clockRate, ptime, minDelay, maxDelay, value, maxPayload);
    }

    public JitterConfig withMaxPayload(int value) {
        return new JitterConfig(clockRate, ptime, minDelay, maxDelay, capacity, value);
    }

    /** {@code duration} in units of the RTP clock, rounded down. */
    long units(Duration duration) {
        return duration.toNanos() * clockRate / 1_000_000_000L;
    }
}
