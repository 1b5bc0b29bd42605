package org.switchboard.pbx.voicemail.greeting;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller hears before the tone, in order: recordings of the mailbox and system prompts
 * (named by the file names of {@code org.switchboard.pbx.prompt.PromptKey}, e.g.
 * {@code vm-person-at-extension}, {@code digit-7}).
 *
 * @param chosen the greeting chosen, empty when the system's default sentence plays
 * @param parts  what to play, never empty
 */
public record GreetingSelection(Optional<GreetingKind> chosen, List<Part> parts) {
    public GreetingSelection {
        Objects.requireNonNull(chosen, "chosen");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("a greeting plays something");
    }

    /** One piece of the greeting. */
    public sealed interface Part {
        /** A recording of the mailbox (its file: {@code GreetingStore#file}). */
        record Recording(Greeting greeting) implements Part {
            public Recording {
                Objects.requireNonNull(greeting, "greeting");
            }
        }

        /** A system prompt in the mailbox's language, by key. */
        record Prompt(String key) implements Part {
            public Prompt {
                Objects.requireNonNull(key, "key");
            }
        }
    }
}
