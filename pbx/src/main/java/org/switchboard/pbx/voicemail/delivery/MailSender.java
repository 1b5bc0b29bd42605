package org.switchboard.pbx.voicemail.delivery;

/**
 * Sends one mail, blocking until the mail server accepted or refused it. Implementations are
 * thread-safe, apply their own timeouts, and never log credentials.
 */
@FunctionalInterface
public interface MailSender {
    /** @throws MailSendException when the mail was not accepted; nothing else is thrown */
    void send(OutgoingMail mail) throws MailSendException;
}
