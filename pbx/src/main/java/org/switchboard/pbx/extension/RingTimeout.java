package org.switchboard.pbx.extension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The rule for an extension's own ring timeout: how long its phones ring before the caller hears
 * 480 Temporarily Unavailable (RFC 3261 §21.4.18). Whole seconds, so what an administrator types
 * is what is stored; at least 5 s (shorter cannot reach a desk across a room), at most 10 minutes
 * (longer only hides a missing voicemail).
 */
public final class RingTimeout {
    private RingTimeout() { }

    public static final Duration MIN = Duration.ofSeconds(5);
    public static final Duration MAX = Duration.ofSeconds(600);
    /** The ring timeout of {@code calls.ring-timeout} when the configuration says nothing. */
    public static final Duration SERVER_DEFAULT = Duration.ofSeconds(30);
    public static final String RULE = "ring timeout must be 5 to 600 seconds";

    /** True for whole seconds from {@link #MIN} to {@link #MAX}. */
    public static boolean isValid(Duration timeout) {
        return timeout != null && timeout.getNano() == 0 && timeout.compareTo(MIN) >= 0 && timeout.compareTo(MAX) <= 0;
    }

    /** The rule and the value given, when {@code timeout} breaks it. */
    public static Optional<String> problem(Duration timeout) {
        if (isValid(timeout)) return Optional.empty();
        if (timeout == null) return Optional.of(RULE);
        String seconds = BigDecimal.valueOf(timeout.getSeconds()).add(BigDecimal.valueOf(timeout.getNano(), 9))
                .stripTrailingZeros().toPlainString();
        return Optional.of(RULE + (timeout.getNano() == 0 ? "" : " (whole seconds)") + ", got " + seconds);
    }
}
