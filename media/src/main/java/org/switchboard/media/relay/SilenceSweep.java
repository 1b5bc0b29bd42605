package org.switchboard.media.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds legs whose RTP stopped. One periodic sweep over all endpoints instead of a timer per
 * packet or per leg: resetting a timer 50 times a second per leg would cost more than the relay
 * itself. A leg is reported once, on the first sweep at least {@code timeout} after its last RTP
 * packet, so detection takes between the timeout and the timeout plus the sweep interval.
 */
public final class SilenceSweep {

    /** A leg found silent and how long it has been. */
    public record Silent<T>(T endpoint, Duration silence) {
    }

    private final long timeoutNanos;

    /** @param timeout silence that ends a call; zero disables the timeout */
    public SilenceSweep(Duration timeout) {
        if (timeout.isNegative()) throw new IllegalArgumentException("media timeout must not be negative");
        this.timeoutNanos = timeout.toNanos();
    }

    public boolean enabled() {
        return timeoutNanos > 0;
    }

    /**
     * The legs silent for at least the timeout at {@code nowNanos}; each is
     * {@linkplain SilenceWatch#finish() finished}, so the next sweep does not report it again.
     */
    public <T> List<Silent<T>> sweep(Iterable<T> endpoints, Function<T, SilenceWatch> watchOf, long nowNanos) {
        List<Silent<T>> silent = new ArrayList<>(0);
        if (!enabled()) return silent;
        for (T endpoint : endpoints) {
            SilenceWatch watch = watchOf.apply(endpoint);
            if (!watch.watching()) continue;
            long quiet = nowNanos - watch.silentSinceNanos();
            if (quiet >= timeoutNanos && watch.finish()) silent.add(new Silent<>(endpoint, Duration.ofNanos(quiet)));
        }
        return silent;
    }
}
