package org.switchboard.pbx.voicemail.mailbox;

import java.util.Optional;

/**
 * Stored mailboxes. A mailbox exists implicitly for every extension; a row is written on its
 * first change (or when a message or greeting arrives, by those repositories). The PIN is
 * stored only as {@link PinHash#encoded()}. Methods may block: call them from virtual threads.
 */
public interface MailboxRepository {

    /** The stored mailbox, or empty when it was never written. */
    Optional<Mailbox> find(String number);

    /** Writes the whole mailbox, creating or replacing its row. */
    void save(Mailbox mailbox);
}
