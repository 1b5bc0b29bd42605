package org.switchboard.pbx.voicemail.message;

import java.util.List;
import java.util.Optional;

/**
 * The index of stored messages; {@link MessageStore} keeps it in step with the files. Inserting
 * creates the mailbox's row with defaults when it has none yet. Methods may block: call them
 * from virtual threads.
 */
public interface MessageRepository {

    /** Indexes a message; false when its id is already indexed. */
    boolean insert(VoicemailMessage message);

    Optional<VoicemailMessage> find(String mailbox, String id);

    /** The messages of a mailbox, oldest first. */
    List<VoicemailMessage> list(String mailbox);

    /** Moves a message to {@code folder}; false when there is no such message. */
    boolean move(String mailbox, String id, Folder folder);

    /** Removes a message's row; false when there was none. */
    boolean delete(String mailbox, String id);

    MessageCounts counts(String mailbox);

    /** Every indexed message, for recovery at start. */
    List<VoicemailMessage> all();
}
