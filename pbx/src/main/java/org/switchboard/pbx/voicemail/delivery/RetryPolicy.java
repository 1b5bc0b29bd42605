package org.switchboard.pbx.voicemail.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed mail is tried again: {@code first} after the first failure, doubling after each
 * further one up to {@code max}; no attempt is planned later than {@code giveUpAfter} past the
 * message's arrival (then the delivery is FAILED). Defaults 1 min, 6 h, 48 h: a mail server down
 * for a weekend's night is waited out; a wrong address does not retry forever.
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofHours(48));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first retry delay must be positive");
        if (max.compareTo(first) < 0) throw new IllegalArgumentException("the longest retry delay must be at least the first");
        if (giveUpAfter.isNegative()) throw new IllegalArgumentException("giveUpAfter must not be negative");
    }

    /** The delay after {@code failures} failed attempts (1 = the first failure). */
    public Duration delayAfter(int failures) {
        if (failures < 1) throw new IllegalArgumentException("failures start at 1");
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** When to try again after {@code failures} failures at {@code now}; empty to give up. */
    public Optional<Instant> next(Instant createdAt, int failures, Instant now) {
        Instant next = now.plus(delayAfter(failures));
        return next.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
