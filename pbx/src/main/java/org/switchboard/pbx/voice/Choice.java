package org.switchboard.pbx.voice;

/** The answer to a menu ({@link Conversation#choose}). */
public sealed interface Choice {
    /** One of the menu's keys. */
    record Picked(char key) implements Choice { }

    /** No valid key after every try: the application says goodbye. */
    record GaveUp() implements Choice { }

    /** The caller hung up. */
    record HungUp() implements Choice { }

    Choice GAVE_UP = new GaveUp();
    Choice HUNG_UP = new HungUp();
}
