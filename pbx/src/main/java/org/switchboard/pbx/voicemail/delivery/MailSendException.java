package org.switchboard.pbx.voicemail.delivery;

/**
 * A mail was not accepted. {@code permanent} when retrying cannot help (the server refused the
 * recipient for good, RFC 5321 §4.2.1 5yz on RCPT): the delivery fails at once. The message
 * says what happened in words for the administrator and never contains a password.
 */
public final class MailSendException extends Exception {
    private final boolean permanent;

    public MailSendException(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
