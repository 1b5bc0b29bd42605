package org.switchboard.pbx.voicemail.message;

/**
 * Hears the counts of a mailbox after every change of its messages (a message stored, moved,
 * deleted, recovered), so message-waiting indication (RFC 3842) is always true. Called on the
 * changing thread, in the order of the changes of one mailbox (a per-mailbox lock is held): an
 * implementation must be quick and must not call back into the store; hand the counts to a
 * queue for slow work.
 */
@FunctionalInterface
public interface MailboxCounts {
    void changed(String mailbox, MessageCounts counts);
}
