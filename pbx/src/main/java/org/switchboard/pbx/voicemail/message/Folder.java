package org.switchboard.pbx.voicemail.message;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a message is in its life. Three folders, as desk phones and Asterisk users expect:
 * {@link #NEW} lights the lamp; {@link #OLD} has been heard; {@link #SAVED} is one the owner
 * chose to keep (pressed "save"), so a later clean-up of old messages can spare it. For the
 * message-waiting indication (RFC 3842) old and saved are both "old".
 */
public enum Folder {
    NEW, OLD, SAVED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Folder> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toUpperCase(Locale.ROOT);
        for (Folder f : values()) if (f.name().equals(w)) return Optional.of(f);
        return Optional.empty();
    }
}
