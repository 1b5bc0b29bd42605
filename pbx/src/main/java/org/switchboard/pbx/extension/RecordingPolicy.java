package org.switchboard.pbx.extension;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the calls of an extension are recorded (issue 4: "per extension always / on demand /
 * never"). A call is recorded when either party's policy asks for it; the recording itself is
 * {@code org.switchboard.pbx.recording}'s business, this is only the administrator's choice.
 *
 * <p>The default is {@link #NEVER}: recording a conversation is something an administrator
 * decides, and many jurisdictions require the parties to be told first.
 */
public enum RecordingPolicy {
    /** Never recorded, and the recording feature code does nothing. */
    NEVER("never"),
    /** Every answered call is recorded from the answer to the end. */
    ALWAYS("always"),
    /** Not recorded until a party presses the recording feature code, which toggles it. */
    ON_DEMAND("on-demand");

    /** The policy of extensions that say nothing. */
    public static final RecordingPolicy DEFAULT = NEVER;
    public static final String RULE = "recording must be never, always or on-demand";

    private final String word;

    RecordingPolicy(String word) {
        this.word = word;
    }

    /** The word used in the CLI, the REST API and the database: {@code never}, {@code always}, {@code on-demand}. */
    public String word() { return word; }

    /** The policy named by {@code word}, without regard to case; {@code on_demand} is read as {@code on-demand}. */
    public static Optional<RecordingPolicy> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RecordingPolicy p : values()) if (p.word.equals(w)) return Optional.of(p);
        return Optional.empty();
    }
}
