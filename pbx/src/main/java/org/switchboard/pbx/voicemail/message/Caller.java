package org.switchboard.pbx.voicemail.message;

import java.util.Objects;

/**
 * Who left a message, as the call presented them (From header, or P-Asserted-Identity of a
 * trusted trunk): number and display name, each possibly empty when withheld or unknown.
 */
public record Caller(String number, String name) {
    public static final Caller UNKNOWN = new Caller("", "");
    /** Longest number and name kept; longer ones are cut (they come from the network). */
    public static final int MAX_NUMBER = 64;
    public static final int MAX_NAME = 200;

    public Caller {
        number = clean(Objects.requireNonNull(number, "number"), MAX_NUMBER);
        name = clean(Objects.requireNonNull(name, "name"), MAX_NAME);
    }

    public boolean isKnown() {
        return !number.isEmpty() || !name.isEmpty();
    }

    private static String clean(String text, int max) {
        String printable = text.strip().codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > max ? printable.substring(0, max) : printable;
    }
}
