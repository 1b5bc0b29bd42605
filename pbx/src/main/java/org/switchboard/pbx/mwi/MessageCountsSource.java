package org.switchboard.pbx.mwi;

/**
 * Where the notifier reads a mailbox's counts when it has not heard them yet: for the first
 * NOTIFY of a subscription (RFC 6665 §4.2.1.2 wants the current state at once) and for the
 * first unsolicited NOTIFY to a phone. Voicemail implements it over its message index.
 *
 * <p>May block (a database read): the notifier calls it on its blocking executor (virtual
 * threads), never on a SIP shard. An exception is logged and read as {@link VoiceCounts#NONE},
 * without being remembered, so the next NOTIFY asks again.
 */
@FunctionalInterface
public interface MessageCountsSource {

    /** A source for a server without voicemail: every mailbox is empty. */
    MessageCountsSource NONE = extension -> VoiceCounts.NONE;

    /** The counts of the mailbox of {@code extension} now. */
    VoiceCounts counts(String extension);
}
