package org.switchboard.pbx.extension;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator changes on an extension's settings; anything left empty keeps its
 * current value. {@code ringTimeout} is itself optional: {@code Optional.of(Optional.empty())}
 * returns the extension to the server's {@code calls.ring-timeout}. Build it with the
 * {@code with...} methods from {@link #NONE}. The secret changes elsewhere
 * ({@link ExtensionService#changePassword}).
 */
public record ExtensionChange(Optional<String> name, Optional<Optional<Duration>> ringTimeout, Optional<SrtpPolicy> srtp) {
    /** Changes nothing. */
    public static final ExtensionChange NONE = new ExtensionChange(Optional.empty(), Optional.empty(), Optional.empty());

    public ExtensionChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        ringTimeout.ifPresent(r -> Objects.requireNonNull(r, "ringTimeout"));
        Objects.requireNonNull(srtp, "srtp");
    }

    /** A change of name and ring timeout only. */
    public ExtensionChange(Optional<String> name, Optional<Optional<Duration>> ringTimeout) {
        this(name, ringTimeout, Optional.empty());
    }

    public ExtensionChange withName(String newName) {
        return new ExtensionChange(Optional.of(Objects.requireNonNull(newName, "newName")), ringTimeout, srtp);
    }

    /** Sets the extension's own ring timeout. */
    public ExtensionChange withRingTimeout(Duration timeout) {
        return new ExtensionChange(name, Optional.of(Optional.of(Objects.requireNonNull(timeout, "timeout"))), srtp);
    }

    /** Makes the extension ring for the server's default time again. */
    public ExtensionChange withDefaultRingTimeout() {
        return new ExtensionChange(name, Optional.of(Optional.empty()), srtp);
    }

    /** Sets the extension's SRTP policy. */
    public ExtensionChange withSrtp(SrtpPolicy policy) {
        return new ExtensionChange(name, ringTimeout, Optional.of(Objects.requireNonNull(policy, "policy")));
    }

    /** True when the change would change nothing. */
    public boolean isEmpty() {
        return name.isEmpty() && ringTimeout.isEmpty() && srtp.isEmpty();
    }
}
