package org.switchboard.pbx.prompt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * British English: "one hundred and fifteen", "two thousand and twenty-one", "one thousand one
 * hundred"; dates "Monday the third of March"; the 12-hour clock, "two oh five p.m.", "twelve a.m."
 * for midnight and "twelve p.m." for noon.
 */
public record EnglishPhrasing() implements Phrasing {

    @Override
    public PromptLanguage language() {
        return PromptLanguage.EN;
    }

    @Override
    public List<PromptKey> number(int n, Gender gender) {
        Keys.requireNumber(n);
        if (n == 0) return List.of(PromptKey.DIGIT_0);
        List<PromptKey> keys = new ArrayList<>();
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands > 0) {
            belowThousand(thousands, keys);
            keys.add(PromptKey.THOUSAND);
            if (rest > 0 && rest < 100) keys.add(PromptKey.AND);
        }
        if (rest > 0) belowThousand(rest, keys);
        return List.copyOf(keys);
    }

    private static void belowThousand(int n, List<PromptKey> keys) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            keys.add(PromptKey.digit(hundreds));
            keys.add(PromptKey.HUNDRED);
            if (rest > 0) keys.add(PromptKey.AND);
        }
        if (rest == 0) return;
        if (rest < 20 || rest % 10 == 0) {
            keys.add(PromptKey.number(rest));
        } else {
            keys.add(PromptKey.number(rest - rest % 10));
            keys.add(PromptKey.digit(rest % 10));
        }
    }

    @Override
    public List<PromptKey> date(LocalDate date) {
        return List.of(PromptKey.weekday(date.getDayOfWeek()), PromptKey.DATE_THE, PromptKey.ordinal(date.getDayOfMonth()),
                PromptKey.DATE_OF, PromptKey.month(date.getMonth()));
    }

    @Override
    public List<PromptKey> time(LocalTime time) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        int minute = time.getMinute();
        List<PromptKey> keys = new ArrayList<>(number(hour));
        if (minute > 0 && minute < 10) {
            keys.add(PromptKey.TIME_OH);
            keys.add(PromptKey.digit(minute));
        } else if (minute >= 10) {
            keys.addAll(number(minute));
        }
        keys.add(time.getHour() < 12 ? PromptKey.TIME_AM : PromptKey.TIME_PM);
        return List.copyOf(keys);
    }

    @Override
    public Gender gender(Counted what) {
        return Gender.NONE;
    }
}
