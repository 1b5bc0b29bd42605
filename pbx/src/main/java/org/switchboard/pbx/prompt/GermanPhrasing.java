package org.switchboard.pbx.prompt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * German: "einundzwanzig" (units before tens, "ein" in compounds), "eins" when counting alone;
 * "hundert" and "tausend" without "ein" (100, 1000), and 101 as "hunderteins", 1001 as
 * "tausendeins" (the standard form; "hundertundeins" is colloquial); dates "Montag, dem dritten
 * März" (after "am"); the 24-hour clock, "ein Uhr", "vierzehn Uhr dreißig", "dreizehn Uhr eins".
 */
public record GermanPhrasing() implements Phrasing {

    @Override
    public PromptLanguage language() {
        return PromptLanguage.DE;
    }

    @Override
    public List<PromptKey> number(int n, Gender gender) {
        Keys.requireNumber(n);
        if (n == 0) return List.of(PromptKey.DIGIT_0);
        List<PromptKey> keys = new ArrayList<>();
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands > 0) {
            if (thousands > 1) belowThousand(thousands, PromptKey.ONE_COMPOUND, keys);
            keys.add(PromptKey.THOUSAND);
        }
        if (rest > 0) belowThousand(rest, one(gender), keys);
        return List.copyOf(keys);
    }

    /** {@code lastOne} is how a final 1 sounds: "eins", "ein" or "eine". */
    private static void belowThousand(int n, PromptKey lastOne, List<PromptKey> keys) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            if (hundreds > 1) keys.add(PromptKey.digit(hundreds));
            keys.add(PromptKey.HUNDRED);
        }
        if (rest == 0) return;
        if (rest == 1) {
            keys.add(lastOne);
        } else if (rest < 20 || rest % 10 == 0) {
            keys.add(PromptKey.number(rest));
        } else {
            int unit = rest % 10;
            keys.add(unit == 1 ? PromptKey.ONE_COMPOUND : PromptKey.digit(unit));
            keys.add(PromptKey.AND);
            keys.add(PromptKey.number(rest - unit));
        }
    }

    private static PromptKey one(Gender gender) {
        return switch (gender) {
            case NONE -> PromptKey.DIGIT_1;
            case MASCULINE -> PromptKey.ONE_COMPOUND;
            case FEMININE -> PromptKey.ONE_FEMININE;
        };
    }

    @Override
    public List<PromptKey> date(LocalDate date) {
        return List.of(PromptKey.weekday(date.getDayOfWeek()), PromptKey.DATE_THE, PromptKey.ordinal(date.getDayOfMonth()),
                PromptKey.month(date.getMonth()));
    }

    @Override
    public List<PromptKey> time(LocalTime time) {
        List<PromptKey> keys = new ArrayList<>(number(time.getHour(), Gender.MASCULINE));
        keys.add(PromptKey.TIME_HOUR);
        if (time.getMinute() > 0) keys.addAll(number(time.getMinute()));
        return List.copyOf(keys);
    }

    /** Nachricht, Minute and Sekunde are all feminine: "eine neue Nachricht". */
    @Override
    public Gender gender(Counted what) {
        return Gender.FEMININE;
    }
}
