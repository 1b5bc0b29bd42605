package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * What a recording ({@link Conversation#record}) got: why it ended, how much audio the sink took
 * and how much of its end was silence (to trim it off before keeping it).
 */
public record Recorded(End end, Duration length, Duration trailingSilence) {
    public Recorded {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(trailingSilence, "trailingSilence");
    }

    /** Why a recording ended. */
    public sealed interface End {
        /** The caller pressed one of the end keys. */
        record Key(char key) implements End { }

        /** The caller was silent for the limit. */
        record Silence() implements End { }

        /** The maximum length was reached. */
        record MaxLength() implements End { }

        /** The caller hung up: what was said is still there, to keep. */
        record HungUp() implements End { }

        /** The sink failed (a full disk): {@code why} is for the log. */
        record Failed(String why) implements End { }
    }

    public boolean hungUp() {
        return end instanceof End.HungUp;
    }
}
