package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * How keys are collected for an answer ({@link Conversation#ask}): at most {@code maxDigits}, the
 * first within {@code firstDigit} after the question ended, each next one within
 * {@code betweenDigits}, and {@code terminator} (not part of the answer) to say "done" early.
 */
public record DigitLimits(int maxDigits, Duration firstDigit, Duration betweenDigits, char terminator) {
    /** What callers are given to find a key: 8 s for the first one, 5 s between keys (ITU-T E.182 suggests similar pauses). */
    public static final Duration FIRST_DIGIT = Duration.ofSeconds(8);
    public static final Duration BETWEEN_DIGITS = Duration.ofSeconds(5);

    public DigitLimits {
        if (maxDigits < 1 || maxDigits > 64) throw new IllegalArgumentException("1 to 64 digits, not " + maxDigits);
        Objects.requireNonNull(firstDigit, "firstDigit");
        Objects.requireNonNull(betweenDigits, "betweenDigits");
        if (!firstDigit.isPositive() || !betweenDigits.isPositive()) throw new IllegalArgumentException("timeouts must be positive");
        if ("0123456789*#ABCD".indexOf(terminator) < 0) throw new IllegalArgumentException("the terminator is a key: " + terminator);
    }

    /** Up to {@code maxDigits} keys, ended by {@code #}, with the usual pauses. */
    public static DigitLimits upTo(int maxDigits) {
        return new DigitLimits(maxDigits, FIRST_DIGIT, BETWEEN_DIGITS, '#');
    }
}
