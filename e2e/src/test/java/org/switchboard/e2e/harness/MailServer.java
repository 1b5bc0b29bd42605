package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The mail server voicemail mails go to: GreenMail's SMTP in the test JVM on 127.0.0.1 and a free port, plain (no
 * TLS), taking mail for any address. {@link #settings()} is the {@code smtp:} section that points the server at it.
 */
public final class MailServer implements AutoCloseable {
    /** The sender the server is configured with. */
    public static final String FROM = "pbx@example.com";

    private final GreenMail mail;

    private MailServer(GreenMail mail) {
        this.mail = mail;
    }

    /** Starts SMTP on 127.0.0.1 on a free port. */
    public static MailServer start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return new MailServer(mail);
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    /** {@code DATA/switchboard.yaml} sending mail here: {@code smtp: {host, port, from, tls: none}}. */
    public ServerSettings settings() {
        return new ServerSettings("""
                # Written by the end-to-end test harness: voicemail mails go to GreenMail in the test JVM.
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: %s
                  tls: none
                """.formatted(port(), FROM));
    }

    /** Every mail received so far, oldest first. */
    public List<ReceivedMail> received() {
        return Arrays.stream(mail.getReceivedMessages()).map(MailServer::parse).toList();
    }

    /** The mails received so far for {@code address}. */
    public List<ReceivedMail> receivedFor(String address) {
        return received().stream().filter(m -> m.isFor(address)).toList();
    }

    /**
     * Waits until {@code count} mails for {@code address} have come and returns them.
     *
     * @throws IllegalStateException when fewer came within {@code timeout}, naming what did come
     */
    public List<ReceivedMail> awaitMails(String address, int count, Duration timeout) {
        try {
            return await("" + count + " mail(s) for " + address).atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> receivedFor(address), mails -> mails.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("GreenMail got " + receivedFor(address).size() + " mail(s) for " + address
                    + " within " + timeout.toMillis() + " ms, not " + count + "; all mails: "
                    + received().stream().map(ReceivedMail::describe).toList(), e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }

    private static ReceivedMail parse(MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            for (Address a : recipients == null ? new Address[0] : recipients) {
                to.add(a.toString());
            }
            List<ReceivedMail.Attachment> attachments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            walk(message, text, attachments);
            return new ReceivedMail(List.copyOf(to), message.getFrom() == null ? "" : message.getFrom()[0].toString(),
                    message.getSubject() == null ? "" : message.getSubject(), text.toString(), List.copyOf(attachments));
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail holds a mail Jakarta Mail cannot read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a received mail", e);
        }
    }

    /** Text parts into {@code text}, parts with a file name or an attachment disposition into {@code attachments}. */
    private static void walk(Part part, StringBuilder text, List<ReceivedMail.Attachment> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(new ReceivedMail.Attachment(part.getFileName() == null ? "" : part.getFileName(),
                    part.getContentType().toLowerCase(Locale.ROOT), part.getInputStream().readAllBytes()));
        } else if (part.isMimeType("text/*")) {
            text.append(part.getContent());
        }
    }

    /**
     * A mail GreenMail received.
     *
     * @param to the To addresses
     * @param from the From address
     * @param subject the subject, decoded
     * @param text the text parts, concatenated
     * @param attachments the attached files
     */
    public record ReceivedMail(List<String> to, String from, String subject, String text,
            List<Attachment> attachments) {

        /** An attached file: its name, its MIME type ({@code audio/wav; name=...}, lower case) and its bytes. */
        public record Attachment(String fileName, String contentType, byte[] content) {
        }

        /** Whether {@code address} is among the To addresses. */
        public boolean isFor(String address) {
            return to.stream().anyMatch(a -> a.equalsIgnoreCase(address) || a.toLowerCase(Locale.ROOT)
                    .endsWith("<" + address.toLowerCase(Locale.ROOT) + ">"));
        }

        /** A line for messages. */
        public String describe() {
            return "to " + to + " '" + subject + "' with " + attachments.stream()
                    .map(a -> a.fileName() + " (" + a.content().length + " bytes)").toList();
        }
    }
}
