package org.switchboard.pbx.prompt;

import java.util.ArrayList;
import java.util.List;

/** Building blocks shared by the phrasings: joining key lists, digit strings, the number range. */
final class Keys {
    private Keys() { }

    @SafeVarargs
    static List<PromptKey> of(List<PromptKey>... parts) {
        List<PromptKey> keys = new ArrayList<>();
        for (List<PromptKey> part : parts) keys.addAll(part);
        return List.copyOf(keys);
    }

    /** {@code n} when it is in 0..{@value Phrasing#MAX_NUMBER}. */
    static int requireNumber(int n) {
        if (n < 0 || n > Phrasing.MAX_NUMBER) {
            throw new IllegalArgumentException("a spoken number is 0.." + Phrasing.MAX_NUMBER + ", not " + n);
        }
        return n;
    }

    static List<PromptKey> digits(String text) {
        if (text == null) throw new IllegalArgumentException("no digits to say (null)");
        List<PromptKey> keys = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') keys.add(PromptKey.digit(c - '0'));
            else if (c == '*') keys.add(PromptKey.STAR);
            else if (c == '#') keys.add(PromptKey.HASH);
            else if (c == '+') keys.add(PromptKey.PLUS);
            else if (!isSeparator(c)) {
                throw new IllegalArgumentException("cannot say '" + c + "' at position " + i
                        + ": digits, *, # and + only (spaces, dashes, dots, slashes and brackets are skipped)");
            }
        }
        return List.copyOf(keys);
    }

    /** A phone number or extension worth reading out: an optional {@code +}, then digits and separators only. */
    static boolean isDialable(String text) {
        if (text == null) return false;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (!(c == '+' && digits == 0) && !isSeparator(c)) return false;
        }
        return digits > 0;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
    }
}
