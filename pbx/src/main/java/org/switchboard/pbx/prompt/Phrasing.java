package org.switchboard.pbx.prompt;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How one language says numbers, dates, times, counts and the sentences built from them, as the
 * ordered list of {@link PromptKey}s to play (played back to back, they make the sentence). Each
 * implementation holds its language's grammar; sentence shapes common to all three live here.
 * Pure functions of their arguments: no clock, no I/O. An argument outside the documented range
 * is a programming error and gets an {@link IllegalArgumentException} that says what is allowed.
 */
public sealed interface Phrasing permits EnglishPhrasing, FrenchPhrasing, GermanPhrasing {

    /** The largest number {@link #number(int)} speaks. */
    int MAX_NUMBER = 999_999;

    /**
     * The phrasing for a language tag: {@code fr-CH} gives Swiss French (septante, huitante,
     * nonante), {@code fr-BE} Belgian French (septante, quatre-vingts, nonante), any other
     * {@code fr} France's; an unknown or empty tag gives English (the prompts fall back the same way).
     */
    static Phrasing forTag(String tag) {
        return switch (PromptLanguage.of(tag).orElse(PromptLanguage.EN)) {
            case EN -> new EnglishPhrasing();
            case DE -> new GermanPhrasing();
            case FR -> new FrenchPhrasing(switch (PromptLanguage.regionSubtag(tag)) {
                case "ch" -> FrenchPhrasing.Variant.SWITZERLAND;
                case "be" -> FrenchPhrasing.Variant.BELGIUM;
                default -> FrenchPhrasing.Variant.FRANCE;
            });
        };
    }

    /** The language whose prompts the keys name. */
    PromptLanguage language();

    /** The integer {@code n} (0..{@value #MAX_NUMBER}) said before a noun of {@code gender}. */
    List<PromptKey> number(int n, Gender gender);

    /** The day of week, day of month and month, as said after "on" ({@link PromptKey#ON}); no year. */
    List<PromptKey> date(LocalDate date);

    /** The time of day to the minute: 12-hour clock in English, 24-hour in French and German. */
    List<PromptKey> time(LocalTime time);

    /** The gender of the noun that counts {@code what} in this language. */
    Gender gender(Counted what);

    /** The integer {@code n} (0..{@value #MAX_NUMBER}), counting: "one", "un", "eins". */
    default List<PromptKey> number(int n) {
        return number(n, Gender.NONE);
    }

    /** {@link #date(LocalDate)} followed by the year as a number ("two thousand and twenty-one"). */
    default List<PromptKey> dateWithYear(LocalDate date) {
        return Keys.of(date(date), number(date.getYear()));
    }

    /** Whether {@code n} takes the plural noun: French says "zéro message", "un message", "deux messages". */
    default boolean plural(int n) {
        return n != 1;
    }

    /** {@code n} and the noun: "one new message", "deux nouveaux messages", "eine neue Nachricht". */
    default List<PromptKey> count(int n, Counted what) {
        return Keys.of(number(n, gender(what)), List.of(plural(n) ? what.plural() : what.singular()));
    }

    /**
     * What a mailbox holds, as said after logging in: "You have no messages", "You have two new
     * messages and one old message", or "You have no new messages. You have three old messages".
     */
    default List<PromptKey> mailboxSummary(int newCount, int oldCount) {
        if (newCount < 0 || oldCount < 0) {
            throw new IllegalArgumentException("message counts are never negative: " + newCount + ", " + oldCount);
        }
        if (newCount == 0 && oldCount == 0) return List.of(PromptKey.VM_NO_MESSAGES);
        if (newCount == 0) return Keys.of(List.of(PromptKey.VM_NO_NEW_MESSAGES, PromptKey.VM_YOU_HAVE),
                count(oldCount, Counted.OLD_MESSAGE));
        List<PromptKey> keys = new ArrayList<>(List.of(PromptKey.VM_YOU_HAVE));
        keys.addAll(count(newCount, Counted.NEW_MESSAGE));
        if (oldCount > 0) {
            keys.add(PromptKey.AND);
            keys.addAll(count(oldCount, Counted.OLD_MESSAGE));
        }
        return List.copyOf(keys);
    }

    /**
     * A message's envelope: "Message three. Received on Monday the third of March at two thirty
     * p.m., from one zero zero one." A caller that is not a dialable number (absent, anonymous, a
     * SIP name) is said as "from an unknown caller".
     */
    default List<PromptKey> envelope(int messageNumber, LocalDateTime received, String caller) {
        List<PromptKey> keys = new ArrayList<>(List.of(PromptKey.VM_MESSAGE));
        keys.addAll(number(messageNumber));
        keys.add(PromptKey.VM_RECEIVED);
        keys.add(PromptKey.ON);
        keys.addAll(date(received.toLocalDate()));
        keys.add(PromptKey.AT);
        keys.addAll(time(received.toLocalTime()));
        if (Keys.isDialable(caller)) {
            keys.add(PromptKey.VM_FROM);
            keys.addAll(digits(caller));
        } else {
            keys.add(PromptKey.VM_FROM_UNKNOWN);
        }
        return List.copyOf(keys);
    }

    /** The system greeting when nobody answers: "The person at extension one zero zero one is unavailable." */
    default List<PromptKey> unavailable(String extension) {
        return Keys.of(List.of(PromptKey.VM_PERSON_AT_EXTENSION), digits(extension), List.of(PromptKey.VM_IS_UNAVAILABLE));
    }

    /** The system greeting when the line is busy: "The person at extension one zero zero one is busy." */
    default List<PromptKey> busy(String extension) {
        return Keys.of(List.of(PromptKey.VM_PERSON_AT_EXTENSION), digits(extension), List.of(PromptKey.VM_IS_BUSY));
    }

    /**
     * A number or extension read digit by digit, with {@code *}, {@code #} and a leading {@code +};
     * spaces, dashes, dots, slashes and brackets are skipped ({@code +41 21 555 12 34}).
     */
    default List<PromptKey> digits(String text) {
        return Keys.digits(text);
    }

    /** A length to the second: "two minutes and five seconds", "deux minutes et cinq secondes". */
    default List<PromptKey> duration(Duration length) {
        if (length.isNegative()) throw new IllegalArgumentException("a duration is never negative: " + length);
        long minutes = length.toMinutes();
        int seconds = length.toSecondsPart();
        if (minutes > MAX_NUMBER) throw new IllegalArgumentException("a duration is at most " + MAX_NUMBER + " minutes: " + length);
        if (minutes == 0) return count(seconds, Counted.SECOND);
        if (seconds == 0) return count((int) minutes, Counted.MINUTE);
        return Keys.of(count((int) minutes, Counted.MINUTE), List.of(PromptKey.AND), count(seconds, Counted.SECOND));
    }
}
