package org.switchboard.pbx.extension;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An extension: a number people dial, a display name, its own ring timeout (empty: the server's
 * {@code calls.ring-timeout}), its {@link SrtpPolicy}, and (held apart) its SIP secret.
 *
 * @throws IllegalArgumentException if the number breaks {@link ExtensionNumber#RULE} or the ring
 *     timeout {@link RingTimeout#RULE}
 */
public record Extension(String number, String name, Instant createdAt, Optional<Duration> ringTimeout, SrtpPolicy srtp) {
    public Extension {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(srtp, "srtp");
        if (!ExtensionNumber.isValid(number)) throw new IllegalArgumentException(ExtensionNumber.RULE);
        ringTimeout.flatMap(RingTimeout::problem).ifPresent(p -> { throw new IllegalArgumentException(p); });
    }

    /** An extension with the default SRTP policy. */
    public Extension(String number, String name, Instant createdAt, Optional<Duration> ringTimeout) {
        this(number, name, createdAt, ringTimeout, SrtpPolicy.DEFAULT);
    }

    /** An extension that rings for the server's default time, with the default SRTP policy. */
    public Extension(String number, String name, Instant createdAt) {
        this(number, name, createdAt, Optional.empty());
    }

    /** How long this extension's phones ring: its own timeout, else {@code serverDefault}. */
    public Duration ringTimeoutOr(Duration serverDefault) {
        return ringTimeout.orElse(Objects.requireNonNull(serverDefault, "serverDefault"));
    }

    public Extension withName(String newName) {
        return new Extension(number, newName, createdAt, ringTimeout, srtp);
    }

    public Extension withRingTimeout(Optional<Duration> newRingTimeout) {
        return new Extension(number, name, createdAt, newRingTimeout, srtp);
    }

    public Extension withSrtp(SrtpPolicy newSrtp) {
        return new Extension(number, name, createdAt, ringTimeout, newSrtp);
    }
}
