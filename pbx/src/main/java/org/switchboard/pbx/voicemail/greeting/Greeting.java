package org.switchboard.pbx.voicemail.greeting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A recorded greeting as indexed: whose, which, when it was recorded and how long it plays. */
public record Greeting(String mailbox, GreetingKind kind, Instant recordedAt, Duration duration) {
    public Greeting {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** The file name inside the mailbox's {@code greetings} directory. */
    public String fileName() {
        return kind.stem() + ".wav";
    }
}
