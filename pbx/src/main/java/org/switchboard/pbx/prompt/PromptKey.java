package org.switchboard.pbx.prompt;

import static org.switchboard.pbx.prompt.PromptLanguage.DE;
import static org.switchboard.pbx.prompt.PromptLanguage.EN;
import static org.switchboard.pbx.prompt.PromptLanguage.FR;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every prompt that exists: the pieces numbers, dates and times are assembled from (by a
 * {@link Phrasing}) and the whole sentences of voicemail and call handling. A key's
 * {@link #fileName()} is also the name of its recording, {@code prompts/LANG/KEY.wav}, which is
 * what an administrator replaces. Most keys are recorded in every language; a few pieces exist
 * only where a language's grammar needs them ({@link #languages()}), e.g. French
 * "quatre-vingts" or German "ein" (as in "einundzwanzig").
 */
public enum PromptKey {
    // Digits, also the cardinal numbers 0..9 ("eins", "un", "one").
    DIGIT_0, DIGIT_1, DIGIT_2, DIGIT_3, DIGIT_4, DIGIT_5, DIGIT_6, DIGIT_7, DIGIT_8, DIGIT_9,
    STAR, HASH, PLUS,

    // Number pieces. fr records number-70/80/90 as septante/huitante/nonante (Swiss and Belgian French).
    NUMBER_10, NUMBER_11, NUMBER_12, NUMBER_13, NUMBER_14, NUMBER_15, NUMBER_16, NUMBER_17, NUMBER_18, NUMBER_19,
    NUMBER_20, NUMBER_30, NUMBER_40, NUMBER_50, NUMBER_60, NUMBER_70, NUMBER_80, NUMBER_90,
    /** fr "quatre-vingt" (81..99, and before "mille"). */
    NUMBER_80_STEM(FR),
    /** fr "quatre-vingts" (80 at the end of a number). */
    NUMBER_80_PLURAL(FR),
    HUNDRED,
    /** fr "cents" ("deux cents"). */
    HUNDRED_PLURAL(FR),
    THOUSAND,
    /** "and" / "et" / "und": in numbers, and between two counts. */
    AND,
    /** fr "une", de "eine": one before a feminine noun. */
    ONE_FEMININE(FR, DE),
    /** de "ein": one inside a compound ("einundzwanzig") and before "Uhr". */
    ONE_COMPOUND(DE),

    // Dates: the day of the month is an ordinal in en ("third") and de ("dritten"); fr says "premier" then cardinals.
    ORDINAL_1,
    ORDINAL_2(EN, DE), ORDINAL_3(EN, DE), ORDINAL_4(EN, DE), ORDINAL_5(EN, DE), ORDINAL_6(EN, DE),
    ORDINAL_7(EN, DE), ORDINAL_8(EN, DE), ORDINAL_9(EN, DE), ORDINAL_10(EN, DE), ORDINAL_11(EN, DE),
    ORDINAL_12(EN, DE), ORDINAL_13(EN, DE), ORDINAL_14(EN, DE), ORDINAL_15(EN, DE), ORDINAL_16(EN, DE),
    ORDINAL_17(EN, DE), ORDINAL_18(EN, DE), ORDINAL_19(EN, DE), ORDINAL_20(EN, DE), ORDINAL_21(EN, DE),
    ORDINAL_22(EN, DE), ORDINAL_23(EN, DE), ORDINAL_24(EN, DE), ORDINAL_25(EN, DE), ORDINAL_26(EN, DE),
    ORDINAL_27(EN, DE), ORDINAL_28(EN, DE), ORDINAL_29(EN, DE), ORDINAL_30(EN, DE), ORDINAL_31(EN, DE),
    WEEKDAY_MONDAY, WEEKDAY_TUESDAY, WEEKDAY_WEDNESDAY, WEEKDAY_THURSDAY, WEEKDAY_FRIDAY, WEEKDAY_SATURDAY,
    WEEKDAY_SUNDAY,
    MONTH_JANUARY, MONTH_FEBRUARY, MONTH_MARCH, MONTH_APRIL, MONTH_MAY, MONTH_JUNE, MONTH_JULY, MONTH_AUGUST,
    MONTH_SEPTEMBER, MONTH_OCTOBER, MONTH_NOVEMBER, MONTH_DECEMBER,
    /** en "the" ("the third of March"), de "dem" ("am Montag, dem dritten März"). */
    DATE_THE(EN, DE),
    /** en "of". */
    DATE_OF(EN),
    /** "on" / "le" / "am", before a date. */
    ON,
    /** "at" / "à" / "um", before a time. */
    AT,

    // Times: en uses the 12-hour clock, fr and de the 24-hour clock as is usual in Switzerland.
    TIME_AM(EN), TIME_PM(EN),
    /** en "oh" ("two oh five p.m."). */
    TIME_OH(EN),
    /** fr "heure", de "Uhr". */
    TIME_HOUR(FR, DE),
    /** fr "heures". */
    TIME_HOURS(FR),
    MINUTE, MINUTES, SECOND, SECONDS,

    // Voicemail: log in and mailbox summary.
    VM_ENTER_MAILBOX, VM_ENTER_PIN, VM_LOGIN_INCORRECT,
    VM_YOU_HAVE, VM_NEW_MESSAGE, VM_NEW_MESSAGES, VM_OLD_MESSAGE, VM_OLD_MESSAGES,
    VM_NO_MESSAGES, VM_NO_NEW_MESSAGES,
    // Main menu.
    VM_MAIN_PLAY_NEW, VM_MAIN_PLAY_OLD, VM_MAIN_OPTIONS, VM_MAIN_REPEAT, VM_MAIN_EXIT,
    // A message: envelope and message menu.
    VM_MESSAGE, VM_RECEIVED, VM_FROM, VM_FROM_UNKNOWN,
    VM_MSG_REPEAT, VM_MSG_CALL_BACK, VM_MSG_PREVIOUS, VM_MSG_ENVELOPE, VM_MSG_NEXT, VM_MSG_DELETE, VM_MSG_SAVE,
    VM_MSG_MAIN_MENU,
    VM_FIRST_MESSAGE, VM_NO_MORE_MESSAGES, VM_MESSAGE_SAVED, VM_MESSAGE_DELETED,
    // Options menu (0): greetings and PIN.
    VM_OPT_UNAVAILABLE, VM_OPT_BUSY, VM_OPT_NAME, VM_OPT_TEMPORARY, VM_OPT_CHOOSE_GREETING, VM_OPT_PIN,
    VM_OPT_CUSTOM, VM_OPT_MAIN_MENU,
    VM_GREETING_CHOOSE_STANDARD, VM_GREETING_CHOOSE_CUSTOM, VM_GREETING_ENTER_NUMBER,
    VM_GREETING_ACTIVE_IS, VM_GREETING_STANDARD, VM_GREETING_UNAVAILABLE, VM_GREETING_BUSY,
    VM_GREETING_TEMPORARY, VM_GREETING_NUMBER, VM_GREETING_ACTIVATED, VM_GREETING_NOT_RECORDED,
    VM_TEMPORARY_GREETING_ON,
    VM_PIN_NEW, VM_PIN_REENTER, VM_PIN_MISMATCH, VM_PIN_INVALID, VM_PIN_CHANGED,
    VM_RECORD_GREETING, VM_RECORD_NAME, VM_RECORD_REVIEW, VM_RECORD_LISTEN, VM_RECORDING_SAVED,
    // Voicemail: the caller's side.
    VM_PERSON_AT_EXTENSION, VM_IS_UNAVAILABLE, VM_IS_BUSY, VM_LEAVE_MESSAGE, VM_FINISH_HANG_UP, VM_MAILBOX_FULL,

    // Call handling.
    GOODBYE, INVALID_OPTION, PLEASE_TRY_AGAIN, CALL_RECORDED, PLEASE_HOLD, ALL_LINES_BUSY, NOT_IN_SERVICE;

    private final Set<PromptLanguage> languages;
    private final String fileName;

    PromptKey(PromptLanguage... only) {
        this.languages = only.length == 0 ? EnumSet.allOf(PromptLanguage.class) : EnumSet.of(only[0], only);
        this.fileName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name without extension, e.g. {@code digit-7}, {@code vm-enter-pin}. */
    public String fileName() {
        return fileName;
    }

    /** The languages this piece is recorded in (unmodifiable). */
    public Set<PromptLanguage> languages() {
        return Set.copyOf(languages);
    }

    public boolean recordedIn(PromptLanguage language) {
        return languages.contains(language);
    }

    /** The key whose file name is {@code name} ({@code "digit-7"}), or empty. */
    public static Optional<PromptKey> byFileName(String name) {
        for (PromptKey key : values()) {
            if (key.fileName.equals(name)) return Optional.of(key);
        }
        return Optional.empty();
    }

    /** {@code digit-N} for 0..9. */
    public static PromptKey digit(int n) {
        if (n < 0 || n > 9) throw new IllegalArgumentException("a digit is 0..9, not " + n);
        return values()[DIGIT_0.ordinal() + n];
    }

    /** The recorded number piece for 0..19 (a digit for 0..9) or a multiple of ten up to 90. */
    public static PromptKey number(int n) {
        if (n >= 0 && n <= 9) return digit(n);
        if (n >= 10 && n <= 19) return values()[NUMBER_10.ordinal() + n - 10];
        if (n >= 20 && n <= 90 && n % 10 == 0) return values()[NUMBER_20.ordinal() + n / 10 - 2];
        throw new IllegalArgumentException("no recorded piece for the number " + n);
    }

    /** {@code ordinal-N} for a day of the month, 1..31. */
    public static PromptKey ordinal(int day) {
        if (day < 1 || day > 31) throw new IllegalArgumentException("a day of the month is 1..31, not " + day);
        return values()[ORDINAL_1.ordinal() + day - 1];
    }

    public static PromptKey weekday(DayOfWeek day) {
        return values()[WEEKDAY_MONDAY.ordinal() + day.ordinal()];
    }

    public static PromptKey month(Month month) {
        return values()[MONTH_JANUARY.ordinal() + month.ordinal()];
    }
}
