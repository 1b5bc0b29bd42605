package org.switchboard.pbx.voicemail.mailbox;

import java.util.Locale;
import java.util.Optional;

/** What a mailbox's owner gets by e-mail for each new message. */
public enum EmailMode {
    /** The recording attached as WAV; the message stays in the mailbox. */
    ATTACH,
    /** The recording attached; the message is deleted from the mailbox once the mail was accepted by the server. */
    ATTACH_DELETE,
    /** A notice with caller, time and duration, without the recording. */
    NOTIFY,
    /** No mail. */
    OFF;

    /** The mode of a mailbox that never chose one: it applies once an address is set. */
    public static final EmailMode DEFAULT = ATTACH;
    public static final String RULE = "e-mail mode must be attach, attach-delete, notify or off";

    /** The word of the CLI, the REST API and the database: {@code attach-delete}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when a mail carries the recording. */
    public boolean attaches() {
        return this == ATTACH || this == ATTACH_DELETE;
    }

    /** The mode named by {@code word} ({@code attach-delete} or {@code attach_delete}), without regard to case. */
    public static Optional<EmailMode> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (EmailMode m : values()) if (m.name().equals(w)) return Optional.of(m);
        return Optional.empty();
    }
}
