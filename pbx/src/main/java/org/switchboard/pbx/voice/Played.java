package org.switchboard.pbx.voice;

/** How playing an {@link Announcement} ended ({@link Conversation#play}). */
public sealed interface Played {
    /** It played to its end. */
    record ToEnd() implements Played { }

    /** The caller pressed {@code key}, one of those that interrupt it: the rest was not played. */
    record Key(char key) implements Played { }

    /** The caller hung up. */
    record HungUp() implements Played { }

    Played TO_END = new ToEnd();
    Played HUNG_UP = new HungUp();
}
