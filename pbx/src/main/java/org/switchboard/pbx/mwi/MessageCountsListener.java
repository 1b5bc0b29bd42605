package org.switchboard.pbx.mwi;

/**
 * Where voicemail reports every change of a mailbox's counts, so the lamps are true after each
 * change (a message left, heard, deleted). {@link MwiNotifier} implements it; voicemail's
 * {@code MailboxCounts} listener feeds it with {@code (mailbox, counts.newMessages(),
 * counts.heard())}.
 *
 * <p>Quick and non-blocking: callable from any thread, also under a mailbox lock. Repeating
 * the same counts sends nothing.
 */
@FunctionalInterface
public interface MessageCountsListener {

    /** A listener that drops every change: a server without MWI. */
    MessageCountsListener NONE = (extension, newMessages, oldMessages) -> { };

    /** The mailbox of {@code extension} now holds these many new and old (heard) messages. */
    void countsChanged(String extension, int newMessages, int oldMessages);
}
