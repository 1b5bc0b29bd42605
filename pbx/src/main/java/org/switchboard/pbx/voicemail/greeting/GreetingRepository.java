package org.switchboard.pbx.voicemail.greeting;

import java.util.List;

/**
 * The index of recorded greetings. Writing a greeting creates its mailbox with defaults when it
 * has none yet. Methods may block (database I/O): call them from virtual threads.
 */
public interface GreetingRepository {

    /** Adds or replaces the greeting of this mailbox and kind. */
    void put(Greeting greeting);

    /** Removes one; false when there was none. */
    boolean remove(String mailbox, GreetingKind kind);

    /** The greetings of a mailbox, standard ones first, then custom ones by name. */
    List<Greeting> list(String mailbox);

    /** Every indexed greeting, for recovery at start. */
    List<Greeting> all();
}
