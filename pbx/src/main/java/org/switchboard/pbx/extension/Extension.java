package org.switchboard.pbx.extension;

import java.time.Instant;
import java.util.Objects;

/** An extension: a number people dial, a display name, and (held apart) its SIP secret. */
public record Extension(String number, String name, Instant createdAt) {
    public Extension {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!ExtensionNumber.isValid(number)) throw new IllegalArgumentException(ExtensionNumber.RULE);
    }
}
