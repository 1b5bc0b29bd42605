package org.switchboard.pbx.voicemail.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong PINs per mailbox: after {@link #MAX_FAILURES} in a row, every PIN of that mailbox is
 * refused for {@link #LOCK_TIME}, whatever it is, so that a caller who redials {@code *98} after
 * each three tries cannot go through the 10,000 four-digit PINs (at one try a second that would
 * take under three hours; with the lock, months). A right PIN clears the count. Kept in memory:
 * a restart forgets it, which an attacker cannot cause. Thread-safe.
 */
final class PinLockout {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) { }

    private final InstantSource clock;
    private final Map<String, Failures> failures = new HashMap<>();

    PinLockout(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether {@code mailbox} refuses every PIN now. */
    synchronized boolean locked(String mailbox) {
        Failures f = failures.get(mailbox);
        if (f == null || f.lockedUntil() == null) return false;
        if (clock.instant().isBefore(f.lockedUntil())) return true;
        failures.remove(mailbox);
        return false;
    }

    /** A wrong PIN for {@code mailbox}; true when this one locked it. */
    synchronized boolean failed(String mailbox) {
        Failures f = failures.getOrDefault(mailbox, new Failures(0, null));
        int count = f.count() + 1;
        boolean locks = count >= MAX_FAILURES;
        failures.put(mailbox, new Failures(locks ? 0 : count, locks ? clock.instant().plus(LOCK_TIME) : null));
        return locks;
    }

    /** The right PIN: the count starts again. */
    synchronized void succeeded(String mailbox) {
        failures.remove(mailbox);
    }
}
