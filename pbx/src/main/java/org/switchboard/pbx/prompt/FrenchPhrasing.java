package org.switchboard.pbx.prompt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * French, with the regional tens as a {@link Variant}: France says "soixante et onze",
 * "quatre-vingts", "quatre-vingt-un", "quatre-vingt-onze"; Switzerland "septante et un",
 * "huitante", "nonante et un"; Belgium "septante", "quatre-vingts", "nonante". Everywhere "vingt
 * et un", "cent", "deux cents" but "deux cent un" and "deux cent mille", "mille", "deux mille";
 * dates "lundi premier mars", "lundi trois mars" (after "le"); the 24-hour clock, "une heure",
 * "quatorze heures trente", "vingt et une heures une".
 */
public record FrenchPhrasing(Variant variant) implements Phrasing {

    /** Which words say 70, 80 and 90. */
    public enum Variant {
        /** soixante-dix, quatre-vingts, quatre-vingt-dix. */
        FRANCE(false, false, false),
        /** septante, huitante, nonante. */
        SWITZERLAND(true, true, true),
        /** septante, quatre-vingts, nonante. */
        BELGIUM(true, false, true);

        private final boolean septante;
        private final boolean huitante;
        private final boolean nonante;

        Variant(boolean septante, boolean huitante, boolean nonante) {
            this.septante = septante;
            this.huitante = huitante;
            this.nonante = nonante;
        }

        private boolean hasOwnWord(int tens) {
            return tens < 7 || (tens == 7 && septante) || (tens == 8 && huitante) || (tens == 9 && nonante);
        }
    }

    public FrenchPhrasing {
        Objects.requireNonNull(variant, "variant");
    }

    @Override
    public PromptLanguage language() {
        return PromptLanguage.FR;
    }

    @Override
    public List<PromptKey> number(int n, Gender gender) {
        Keys.requireNumber(n);
        if (n == 0) return List.of(PromptKey.DIGIT_0);
        List<PromptKey> keys = new ArrayList<>();
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands > 0) {
            if (thousands > 1) belowThousand(thousands, Gender.NONE, true, keys);
            keys.add(PromptKey.THOUSAND);
        }
        if (rest > 0) belowThousand(rest, gender, false, keys);
        return List.copyOf(keys);
    }

    /** Before "mille", "cent" and "quatre-vingt" take no plural s ("deux cent mille"). */
    private void belowThousand(int n, Gender gender, boolean beforeMille, List<PromptKey> keys) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            if (hundreds > 1) keys.add(PromptKey.digit(hundreds));
            keys.add(hundreds > 1 && rest == 0 && !beforeMille ? PromptKey.HUNDRED_PLURAL : PromptKey.HUNDRED);
        }
        if (rest > 0) belowHundred(rest, gender, beforeMille, keys);
    }

    private void belowHundred(int n, Gender gender, boolean beforeMille, List<PromptKey> keys) {
        if (n == 1) {
            keys.add(one(gender));
            return;
        }
        if (n < 20) {
            keys.add(PromptKey.number(n));
            return;
        }
        int tens = n / 10;
        int unit = n % 10;
        if (variant.hasOwnWord(tens)) {
            // vingt, trente ... (septante, huitante, nonante): "et un", then a plain unit.
            keys.add(PromptKey.number(tens * 10));
            if (unit == 1) {
                keys.add(PromptKey.AND);
                keys.add(one(gender));
            } else if (unit > 1) {
                keys.add(PromptKey.digit(unit));
            }
        } else if (tens == 7) {
            // soixante-dix .. soixante-dix-neuf, "soixante et onze".
            keys.add(PromptKey.NUMBER_60);
            if (unit == 1) keys.add(PromptKey.AND);
            keys.add(PromptKey.number(10 + unit));
        } else if (tens == 8 && unit == 0) {
            keys.add(beforeMille ? PromptKey.NUMBER_80_STEM : PromptKey.NUMBER_80_PLURAL);
        } else {
            // quatre-vingt-un .. quatre-vingt-dix-neuf: no "et".
            keys.add(PromptKey.NUMBER_80_STEM);
            if (tens == 9) keys.add(PromptKey.number(10 + unit));
            else keys.add(unit == 1 ? one(gender) : PromptKey.digit(unit));
        }
    }

    private static PromptKey one(Gender gender) {
        return gender == Gender.FEMININE ? PromptKey.ONE_FEMININE : PromptKey.DIGIT_1;
    }

    @Override
    public List<PromptKey> date(LocalDate date) {
        int day = date.getDayOfMonth();
        List<PromptKey> keys = new ArrayList<>(List.of(PromptKey.weekday(date.getDayOfWeek())));
        if (day == 1) keys.add(PromptKey.ORDINAL_1);
        else keys.addAll(number(day));
        keys.add(PromptKey.month(date.getMonth()));
        return List.copyOf(keys);
    }

    @Override
    public List<PromptKey> time(LocalTime time) {
        int hour = time.getHour();
        List<PromptKey> keys = new ArrayList<>(number(hour, Gender.FEMININE));
        keys.add(hour < 2 ? PromptKey.TIME_HOUR : PromptKey.TIME_HOURS);
        if (time.getMinute() > 0) keys.addAll(number(time.getMinute(), Gender.FEMININE));
        return List.copyOf(keys);
    }

    /** "message" is masculine ("un nouveau message"), "minute" and "seconde" feminine ("une minute"). */
    @Override
    public Gender gender(Counted what) {
        return switch (what) {
            case NEW_MESSAGE, OLD_MESSAGE -> Gender.MASCULINE;
            case MINUTE, SECOND -> Gender.FEMININE;
        };
    }

    /** French keeps the singular for zero and one: "zéro seconde", "une minute", "deux minutes". */
    @Override
    public boolean plural(int n) {
        return n >= 2;
    }
}
