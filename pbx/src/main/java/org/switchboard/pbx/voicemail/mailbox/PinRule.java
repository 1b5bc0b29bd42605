package org.switchboard.pbx.voicemail.mailbox;

import java.util.Optional;

/**
 * What a voicemail PIN may be: 4 to 10 digits, typed on a keypad. Refused because a stranger
 * would try them first: one repeated digit ({@code 0000}), a run of consecutive digits up or
 * down ({@code 1234}, {@code 9876}, {@code 0123456789}), and the mailbox's own number.
 */
public final class PinRule {
    private PinRule() { }

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 10;
    public static final String RULE = "a PIN is " + MIN_LENGTH + " to " + MAX_LENGTH + " digits";

    /** Why {@code pin} cannot be the PIN of {@code mailbox}, or empty when it can. Never echoes the PIN. */
    public static Optional<String> problem(String pin, String mailbox) {
        if (pin == null || pin.length() < MIN_LENGTH || pin.length() > MAX_LENGTH) return Optional.of(RULE);
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') return Optional.of(RULE);
        }
        if (steps(pin, 0)) return Optional.of("a PIN of one repeated digit (like 0000) is too easy to guess");
        if (steps(pin, 1) || steps(pin, -1)) {
            return Optional.of("a PIN of consecutive digits (like 1234 or 9876) is too easy to guess");
        }
        if (pin.equals(mailbox)) return Optional.of("a PIN must not be the mailbox number");
        return Optional.empty();
    }

    private static boolean steps(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) return false;
        }
        return true;
    }
}
