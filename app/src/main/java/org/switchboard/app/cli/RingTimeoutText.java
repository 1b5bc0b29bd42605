package org.switchboard.app.cli;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An extension's ring timeout as the CLI reads and writes it: {@code --ring-timeout 20} (or
 * {@code 20s}, as in the configuration file) or {@code default}; shown as {@code 20 s} or
 * {@code 30 s (default)}. Only the syntax is checked here: the server owns the bounds.
 */
final class RingTimeoutText {
    static final String DEFAULT = "default";
    /** More digits than any sensible timeout; the server states the bounds for anything shorter. */
    private static final int MAX_DIGITS = 9;

    private RingTimeoutText() { }

    /**
     * The seconds to send, or empty for the server default.
     *
     * @throws CliException (usage) when {@code text} is neither whole seconds nor {@code default}
     */
    static Optional<Integer> parse(String text) throws CliException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(DEFAULT)) return Optional.empty();
        String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CliException("--ring-timeout takes whole seconds (5 to 600) or 'default', got '" + text
                    + "': for example --ring-timeout 20", SwitchboardCommand.USAGE);
        }
        return Optional.of(Integer.parseInt(digits));
    }

    /** {@code 20 s} for an extension's own timeout, {@code 30 s (default)} for the server's, {@code -} if unknown. */
    static String describe(JsonNode extension) {
        JsonNode own = extension.path("ringTimeoutSeconds");
        if (own.isIntegralNumber()) return own.asLong() + " s";
        JsonNode effective = extension.path("effectiveRingTimeoutSeconds");
        return effective.isIntegralNumber() ? effective.asLong() + " s (default)" : "-";
    }
}
