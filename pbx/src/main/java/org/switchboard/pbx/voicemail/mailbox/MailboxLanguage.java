package org.switchboard.pbx.voicemail.mailbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a mailbox's callers and owner hear and its mails are written in; the recorded
 * prompts exist in these three (see {@code org.switchboard.pbx.prompt}).
 */
public enum MailboxLanguage {
    EN(Locale.ENGLISH), FR(Locale.FRENCH), DE(Locale.GERMAN);

    public static final String RULE = "language must be en, fr or de";

    private final Locale locale;

    MailboxLanguage(Locale locale) {
        this.locale = locale;
    }

    /** The BCP 47 tag: {@code en}, {@code fr}, {@code de}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a tag; a region is ignored ({@code fr-CH} is {@code fr}). */
    public static Optional<MailboxLanguage> parse(String tag) {
        if (tag == null) return Optional.empty();
        String primary = tag.strip().split("[-_]", 2)[0].toUpperCase(Locale.ROOT);
        for (MailboxLanguage l : values()) if (l.name().equals(primary)) return Optional.of(l);
        return Optional.empty();
    }
}
