package org.switchboard.pbx.recording;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a recording was made, and for whom: the extension whose policy records all its calls, or
 * the party who pressed the on-demand code. Kept with the recording so an auditor can tell.
 *
 * @param kind      how it started
 * @param extension the extension (or number) whose policy or key press started it; empty only
 *                  for {@link Kind#UNKNOWN}
 */
public record Trigger(Kind kind, String extension) {

    /** The longest number kept. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** A recording found on disk without its index row: nobody knows why it was made. */
    public static final Trigger UNKNOWN = new Trigger(Kind.UNKNOWN, "");

    /** How a recording started. */
    public enum Kind {
        /** The extension records every call ({@code always}). */
        ALWAYS,
        /** A party pressed the feature code ({@code on-demand}). */
        ON_DEMAND,
        /** Not known: indexed again after a crash ({@code unknown}). */
        UNKNOWN;

        /** The word used in the API and the CLI: {@code always}, {@code on-demand}, {@code unknown}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind of a {@link #word()} (or an enum name), in any case. */
        public static Optional<Kind> parse(String text) {
            if (text == null) return Optional.empty();
            String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind k : values()) {
                if (k.name().equals(normal)) return Optional.of(k);
            }
            return Optional.empty();
        }
    }

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(extension, "extension");
        if (kind != Kind.UNKNOWN && extension.isBlank()) {
            throw new IllegalArgumentException("a recording started " + kind.word() + " names its extension");
        }
        if (extension.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("extension longer than " + MAX_NUMBER_LENGTH + " characters");
        }
    }

    /** {@code extension} records all its calls. */
    public static Trigger always(String extension) {
        return new Trigger(Kind.ALWAYS, extension);
    }

    /** The party of {@code extension} pressed the on-demand code. */
    public static Trigger onDemand(String extension) {
        return new Trigger(Kind.ON_DEMAND, extension);
    }

    @Override
    public String toString() {
        return kind == Kind.UNKNOWN ? kind.word() : kind.word() + " (" + extension + ")";
    }
}
