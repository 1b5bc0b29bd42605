/**
 * Voicemail to e-mail over SMTP (RFC 5321) with Angus Mail, the Jakarta Mail implementation:
 * {@link org.switchboard.app.mail.SmtpMailSender} implements the domain's
 * {@code MailSender} from the {@code smtp:} settings ({@link org.switchboard.app.mail.SmtpSettings}):
 * plain, STARTTLS (RFC 3207) or implicit TLS (RFC 8314), optional AUTH (RFC 4954), server
 * certificate and host name checked, timeouts on every step. The password is kept in memory
 * for the login only and never logged.
 */
package org.switchboard.app.mail;
