package org.switchboard.pbx.extension;

/** The rule for extension numbers: what a desk phone can dial and a digest username can carry. */
public final class ExtensionNumber {
    private ExtensionNumber() { }

    public static final String RULE = "an extension number is 2 to 15 digits and does not start with 0";

    /** {@code [1-9][0-9]{1,14}}, checked without a regular expression: every REGISTER asks. */
    public static boolean isValid(String number) {
        if (number == null || number.length() < 2 || number.length() > 15 || number.charAt(0) == '0') return false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
