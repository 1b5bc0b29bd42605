package org.switchboard.pbx.voicemail.greeting;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which greeting a recording is: one of the four standard ones, or a custom greeting with a
 * name. {@link #stem()} names its file ({@code unavailable.wav}, {@code custom-holiday.wav}) and
 * its database row.
 */
public sealed interface GreetingKind {
    GreetingKind UNAVAILABLE = Standard.UNAVAILABLE;
    GreetingKind BUSY = Standard.BUSY;
    GreetingKind TEMPORARY = Standard.TEMPORARY;
    GreetingKind NAME = Standard.NAME;

    /** The file name without {@code .wav}. */
    String stem();

    /** The greetings every mailbox may have. */
    enum Standard implements GreetingKind {
        /** Played when the owner does not answer or has no phone registered. */
        UNAVAILABLE,
        /** Played when the owner is busy. */
        BUSY,
        /** Overrides every other greeting while it exists and has not expired ("away until Monday"). */
        TEMPORARY,
        /** The owner saying their name, used in the system's own greeting. */
        NAME;

        @Override
        public String stem() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A greeting the owner recorded for an occasion and chooses by name (from the phone, by
     * number: custom greetings recorded there are named {@code 1} to {@code 9}) or by a weekly
     * schedule.
     */
    record Custom(String name) implements GreetingKind {
        public static final String RULE = "a greeting name is 1 to 32 lower-case letters, digits and dashes,"
                + " starting with a letter or digit";
        private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

        public Custom {
            Objects.requireNonNull(name, "name");
            if (!isValidName(name)) throw new IllegalArgumentException(RULE);
        }

        public static boolean isValidName(String name) {
            return name != null && NAME.matcher(name).matches();
        }

        @Override
        public String stem() {
            return "custom-" + name;
        }
    }

    /** The kind whose {@link #stem()} is {@code stem}, or empty. */
    static Optional<GreetingKind> parse(String stem) {
        if (stem == null) return Optional.empty();
        if (stem.startsWith("custom-")) {
            String name = stem.substring("custom-".length());
            return Custom.isValidName(name) ? Optional.of(new Custom(name)) : Optional.empty();
        }
        for (Standard s : Standard.values()) if (s.stem().equals(stem)) return Optional.of(s);
        return Optional.empty();
    }
}
