package org.switchboard.pbx.voicemail.mailbox;

/**
 * How a caller may enter a mailbox to hear its messages ({@link MailboxService#access}); see the
 * package comment for the rule.
 */
public sealed interface MailboxAccess {
    /** Ask for the PIN, then let in when {@link MailboxService#verifyPin} says it matches. */
    record AskPin() implements MailboxAccess { }

    /** The owner on their own phone, no PIN yet: let in and have them choose one first. */
    record ChoosePin() implements MailboxAccess { }

    /** Do not let in; {@code reason} is for the log, the caller hears "login incorrect". */
    record Refused(String reason) implements MailboxAccess { }

    /** Where the caller comes from. */
    enum Route {
        /** {@code *97}: the caller is the extension itself, authenticated by SIP digest. */
        OWN_PHONE,
        /** {@code *98}: any phone, the caller types the mailbox number. */
        REMOTE
    }
}
