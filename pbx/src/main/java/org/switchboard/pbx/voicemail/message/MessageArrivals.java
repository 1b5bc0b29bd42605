package org.switchboard.pbx.voicemail.message;

/**
 * Hears each new message once it is durable and indexed (also a message that {@link MessageStore#recover()}
 * found without its index row). Called on the committing thread after the mailbox's lock is
 * released; must not block for long (e-mail delivery queues and returns).
 */
@FunctionalInterface
public interface MessageArrivals {
    void arrived(VoicemailMessage message);
}
