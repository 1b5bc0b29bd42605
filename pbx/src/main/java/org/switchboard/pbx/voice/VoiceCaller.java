package org.switchboard.pbx.voice;

import java.util.Objects;

/**
 * Who is on a {@link VoiceLine} and why.
 *
 * @param number        the caller's number as presented (an extension, or a trunk's caller ID); may be empty
 * @param name          the caller's display name; may be empty
 * @param authenticated the caller's own extension when it authenticated with its credentials
 *                      (that is what {@code *97} trusts), else empty
 * @param dialled       the number the caller dialled (the callee, or a service number such as {@code *98})
 */
public record VoiceCaller(String number, String name, String authenticated, String dialled) {
    public VoiceCaller {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authenticated, "authenticated");
        Objects.requireNonNull(dialled, "dialled");
    }
}
