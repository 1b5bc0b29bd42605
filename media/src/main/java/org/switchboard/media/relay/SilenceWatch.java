package org.switchboard.media.relay;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One endpoint's media timeout state, shared between its event loop (which notes each RTP
 * packet) and the periodic {@link SilenceSweep} (which reads it). Silence counts only while the
 * leg is bridged or terminated, and not on hold: before answer nothing is expected, and a phone on hold
 * (RFC 3264 §8.4, {@code sendonly}/{@code inactive}) may legitimately send nothing.
 * Thread-safe; {@link #heard} is a release store, as cheap as a plain one on x86.
 */
public final class SilenceWatch {

    private final AtomicLong lastHeard = new AtomicLong(Long.MIN_VALUE);
    private volatile long watchSince;
    private volatile boolean bridged;
    private volatile boolean terminated;
    private volatile boolean suspended;
    private final AtomicBoolean finished = new AtomicBoolean();

    /** An RTP packet was accepted at {@code nowNanos}. */
    public void heard(long nowNanos) {
        lastHeard.lazySet(nowNanos);
    }

    /** The leg was bridged ({@code true}) or unbridged; bridging restarts the count. */
    public void bridged(boolean on, long nowNanos) {
        watchSince = nowNanos;
        bridged = on;
    }

    /** The leg's media ends in the server ({@code true}) or is relayed again; either restarts the count. */
    public void terminated(boolean on, long nowNanos) {
        watchSince = nowNanos;
        terminated = on;
    }

    /** Hold ({@code true}) pauses the timeout; resume restarts the count. */
    public void suspended(boolean on, long nowNanos) {
        watchSince = nowNanos;
        suspended = on;
    }

    /** Whether silence counts now. */
    public boolean watching() {
        return (bridged || terminated) && !suspended && !finished.get();
    }

    /** Since when the leg has been silent: its last RTP packet or the start of watching, the later. */
    public long silentSinceNanos() {
        return Math.max(lastHeard.get(), watchSince);
    }

    /** Monotonic time of the last RTP packet, {@link Long#MIN_VALUE} if none. */
    public long lastHeardNanos() {
        return lastHeard.get();
    }

    /**
     * Ends watching for good (the timeout fired, or the endpoint closed).
     *
     * @return true the first time only
     */
    public boolean finish() {
        return finished.compareAndSet(false, true);
    }
}
