package org.switchboard.pbx.extension;

import java.util.regex.Pattern;

/** The rule for extension numbers: what a desk phone can dial and a digest username can carry. */
public final class ExtensionNumber {
    private ExtensionNumber() { }

    public static final String RULE = "an extension number is 2 to 15 digits and does not start with 0";
    private static final Pattern VALID = Pattern.compile("[1-9][0-9]{1,14}");

    public static boolean isValid(String number) {
        return number != null && VALID.matcher(number).matches();
    }
}
