package org.switchboard.pbx.security;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link AuthFailureGuard} blocks an address: {@code maxFailures} failed authentications
 * within {@code window} block it for {@code blockFor}. At most {@code maxTrackedAddresses}
 * addresses are remembered (the oldest are forgotten first).
 *
 * <p>Defaults ({@link #DEFAULTS}): 10 failures in 60 s block for 600 s; 100,000 addresses
 * tracked (a few MB).
 */
public record AuthFailurePolicy(int maxFailures, Duration window, Duration blockFor, int maxTrackedAddresses) {

    public static final AuthFailurePolicy DEFAULTS =
            new AuthFailurePolicy(10, Duration.ofSeconds(60), Duration.ofSeconds(600), 100_000);

    public AuthFailurePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(blockFor, "blockFor");
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        if (blockFor.isNegative() || blockFor.isZero()) throw new IllegalArgumentException("blockFor must be positive");
        if (maxTrackedAddresses < 16) throw new IllegalArgumentException("maxTrackedAddresses must be at least 16");
    }
}
