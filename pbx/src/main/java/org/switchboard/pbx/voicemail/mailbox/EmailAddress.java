package org.switchboard.pbx.voicemail.mailbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sane e-mail address for voicemail: {@code local@domain} as people type them: a dot-atom
 * local part of at most 64 characters (RFC 5321 §4.1.2, §4.5.3.1.1), a host name with at least
 * one dot, at most 254 characters in all. Quoted local parts, comments and address literals are
 * legal but refused: here they are almost always a typing mistake.
 */
public final class EmailAddress {
    private EmailAddress() { }

    public static final int MAX_LENGTH = 254;
    public static final String RULE = "an e-mail address looks like name@example.com";
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** Why {@code address} is not usable, or empty when it is. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) return Optional.of(RULE);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) return Optional.of(RULE);
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !ATOM.matcher(local).matches()) return Optional.of(RULE);
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) return Optional.of(RULE + " (the domain needs a dot)");
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) return Optional.of(RULE);
        }
        return Optional.empty();
    }

    public static boolean isValid(String address) {
        return problem(address).isEmpty();
    }
}
