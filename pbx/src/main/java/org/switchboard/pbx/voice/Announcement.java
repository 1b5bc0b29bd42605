package org.switchboard.pbx.voice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.pbx.prompt.PromptKey;

/**
 * What to say to a caller: parts played back to back (prompts by key, recordings such as a
 * greeting or a message, tones such as the beep, pauses). A value, built once and played as often
 * as a menu repeats; {@link Announcer} opens it in a language at the line's rate.
 */
public record Announcement(List<Part> parts) {

    /** Says nothing: playing it finishes at once. */
    public static final Announcement NOTHING = new Announcement(List.of());

    public Announcement {
        parts = List.copyOf(parts);
    }

    /** One piece of what is said; {@link #label()} names it in logs and tests. */
    public sealed interface Part {
        String label();

        /** A system prompt, in the announcer's language. */
        record Prompt(PromptKey key) implements Part {
            public Prompt {
                Objects.requireNonNull(key, "key");
            }

            @Override
            public String label() {
                return key.fileName();
            }
        }

        /** A WAV file: a greeting, a message, a recording under review. */
        record Recording(Path file, String label) implements Part {
            public Recording {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(label, "label");
            }
        }

        /** A finite tone, such as the voicemail beep. */
        record Tone(ToneList tones, String label) implements Part {
            public Tone {
                Objects.requireNonNull(tones, "tones");
                Objects.requireNonNull(label, "label");
                if (tones.repeatFrom() >= 0) throw new IllegalArgumentException("a tone that never ends cannot be announced");
            }
        }

        /** Silence between two parts. */
        record Pause(int millis) implements Part {
            public Pause {
                if (millis < 1 || millis > 60_000) throw new IllegalArgumentException("a pause is 1 ms to 60 s, not " + millis);
            }

            @Override
            public String label() {
                return "pause";
            }
        }
    }

    public static Announcement of(PromptKey... keys) {
        return of(Arrays.asList(keys));
    }

    public static Announcement of(List<PromptKey> keys) {
        return new Announcement(keys.stream().<Part>map(Part.Prompt::new).toList());
    }

    public static Announcement recording(Path file, String label) {
        return new Announcement(List.of(new Part.Recording(file, label)));
    }

    public static Announcement tone(ToneList tones, String label) {
        return new Announcement(List.of(new Part.Tone(tones, label)));
    }

    public static Announcement pause(int millis) {
        return new Announcement(List.of(new Part.Pause(millis)));
    }

    /** This, then {@code next}. */
    public Announcement then(Announcement next) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(next.parts);
        return new Announcement(all);
    }

    /** This, then the prompts {@code keys}. */
    public Announcement then(PromptKey... keys) {
        return then(of(keys));
    }

    /** This, then the prompts {@code keys} (a sentence of a {@code Phrasing}). */
    public Announcement then(List<PromptKey> keys) {
        return then(of(keys));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The labels of the parts, in order. */
    public List<String> labels() {
        return parts.stream().map(Part::label).toList();
    }
}
