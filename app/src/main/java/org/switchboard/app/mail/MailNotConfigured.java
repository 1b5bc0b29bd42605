package org.switchboard.app.mail;

import org.switchboard.pbx.voicemail.delivery.MailSendException;
import org.switchboard.pbx.voicemail.delivery.MailSender;
import org.switchboard.pbx.voicemail.delivery.OutgoingMail;

/**
 * The sender of a server without {@code smtp.host}: every mail waits, with a last error that
 * says what to configure; once the server is restarted with a mail server, the waiting
 * deliveries go out.
 */
public final class MailNotConfigured implements MailSender {
    static final String REASON = "no mail server is configured: set smtp.host in DATA/switchboard.yaml and restart";

    @Override
    public void send(OutgoingMail mail) throws MailSendException {
        throw new MailSendException(REASON, false);
    }
}
