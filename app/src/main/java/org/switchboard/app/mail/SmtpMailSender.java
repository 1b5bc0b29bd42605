package org.switchboard.app.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.switchboard.pbx.voicemail.delivery.MailSendException;
import org.switchboard.pbx.voicemail.delivery.MailSender;
import org.switchboard.pbx.voicemail.delivery.OutgoingMail;

/**
 * Sends voicemail mails through the configured SMTP server, one connection per mail (a PBX
 * mails a few times an hour; a held connection would only time out). The mail is
 * {@code text/plain} UTF-8, or {@code multipart/mixed} with the recording as a base64
 * attachment. Failures become a {@link MailSendException} that says what to check; a recipient
 * refused with a 5yz reply (RFC 5321 §4.2.1) is permanent, everything else is worth a retry
 * (a login refused may be fixed in the configuration and the server restarted while the
 * delivery waits). Thread-safe.
 */
public final class SmtpMailSender implements MailSender {
    private final SmtpSettings settings;
    private final String host;
    private final InternetAddress from;
    private final Session session;
    private final Clock clock;

    SmtpMailSender(SmtpSettings settings, Optional<SSLSocketFactory> trust, Clock clock) throws AddressException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.host = settings.host().orElseThrow(() -> new IllegalArgumentException("no smtp.host"));
        this.from = new InternetAddress(settings.from(), true);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings, trust));
    }

    /**
     * A sender for {@code settings}, reading {@code smtp.certificate} when set.
     *
     * @throws IOException when the certificate file is unusable or {@code smtp.from} is not an address
     */
    public static SmtpMailSender create(SmtpSettings settings, Clock clock) throws IOException {
        Optional<SSLSocketFactory> trust = settings.certificate().isPresent()
                ? Optional.of(TrustedCertificates.socketFactory(settings.certificate().get())) : Optional.empty();
        try {
            return new SmtpMailSender(settings, trust, clock);
        } catch (AddressException e) {
            throw new IOException("smtp.from '" + settings.from() + "' is not an e-mail address", e);
        }
    }

    private static Properties properties(SmtpSettings s, Optional<SSLSocketFactory> trust) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.setProperty("mail.smtp.host", s.host().orElseThrow());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.from", s.from());
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(s.username().isPresent()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        switch (s.tls()) {
            case NONE -> { }
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.setProperty("mail.smtp.ssl.enable", "true");
        }
        trust.ifPresent(factory -> p.put("mail.smtp.ssl.socketFactory", factory));
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws MailSendException {
        Objects.requireNonNull(mail, "mail");
        MimeMessage message;
        try {
            message = message(mail);
        } catch (AddressException e) {
            throw new MailSendException("'" + mail.to() + "' is not an e-mail address", true);
        } catch (MessagingException | IOException e) {
            throw new MailSendException("cannot build the mail: " + e.getMessage(), false);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, settings.port(), settings.username().orElse(null), settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new MailSendException(where() + " refused the login of '" + settings.username().orElse("")
                    + "': check smtp.username and smtp.password", false);
        } catch (SendFailedException e) {
            throw refused(e);
        } catch (MessagingException e) {
            throw new MailSendException(describe(e), false);
        } catch (RuntimeException e) {
            throw new MailSendException(where() + ": " + e, false);
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.attachment().isEmpty()) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart recording = new MimeBodyPart();
            recording.attachFile(mail.attachment().get().file().toFile(), mail.attachment().get().contentType(), "base64");
            recording.setFileName(mail.attachment().get().fileName());
            message.setContent(new MimeMultipart(text, recording));
        }
        message.saveChanges();
        return message;
    }

    private MailSendException refused(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                boolean permanent = failed.getReturnCode() >= 500;
                return new MailSendException(where() + " refused the recipient " + failed.getAddress() + ": "
                        + failed.getMessage().strip(), permanent);
            }
        }
        return new MailSendException(describe(e), false);
    }

    private String describe(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        if (causedBy(e, UnknownHostException.class)) return "cannot find the mail server " + host + ": check smtp.host";
        if (causedBy(e, ConnectException.class)) return "cannot connect to " + where() + ": " + detail;
        if (causedBy(e, SocketTimeoutException.class)) {
            return where() + " did not answer within " + settings.timeout().toSeconds() + " s";
        }
        if (causedBy(e, SSLException.class)) {
            return "TLS with " + where() + " failed: " + detail
                    + (settings.certificate().isEmpty() ? " (for a private certificate set smtp.certificate)" : "");
        }
        return where() + ": " + (e.getMessage() == null ? detail : e.getMessage().strip());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private String where() {
        return host + ":" + settings.port();
    }

    @Override
    public String toString() {
        return "SmtpMailSender[" + settings + "]";
    }
}
