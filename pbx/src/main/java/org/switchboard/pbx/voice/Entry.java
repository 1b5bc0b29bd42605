package org.switchboard.pbx.voice;

import java.util.Objects;

/** What the caller typed in answer to a question ({@link Conversation#ask}). */
public sealed interface Entry {
    /** Keys up to the terminator, the maximum count or a pause; empty when the terminator came first. */
    record Typed(String digits) implements Entry {
        public Typed {
            Objects.requireNonNull(digits, "digits");
        }

        /** Never the digits themselves: they may be a PIN. */
        @Override
        public String toString() {
            return "Typed[" + digits.length() + " keys]";
        }
    }

    /** Nothing before the first-digit timeout. */
    record Nothing() implements Entry { }

    /** The caller hung up. */
    record HungUp() implements Entry { }

    Entry NOTHING = new Nothing();
    Entry HUNG_UP = new HungUp();
}
