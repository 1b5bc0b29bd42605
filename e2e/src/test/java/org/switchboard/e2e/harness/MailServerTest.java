package org.switchboard.e2e.harness;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.switchboard.e2e.harness.MailServer.ReceivedMail;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerTest {
    @Test
    void receivesAMailWithAnAttachmentOverPlainSmtpOnLoopback() throws Exception {
        try (MailServer server = MailServer.start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(server.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(MailServer.FROM));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
            message.setSubject("New voicemail");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("A message from 4701.");
            MimeBodyPart wav = new MimeBodyPart();
            wav.setContent(new byte[] {1, 2, 3}, "audio/wav");
            wav.setFileName("message.wav");
            message.setContent(new MimeMultipart(text, wav));
            Transport.send(message);

            ReceivedMail mail = server.awaitMails("bob@example.com", 1, Duration.ofSeconds(10)).getFirst();

            assertThat(mail.subject()).isEqualTo("New voicemail");
            assertThat(mail.text()).contains("4701");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("message.wav");
                assertThat(a.contentType()).startsWith("audio/wav");
                assertThat(a.content()).containsExactly(1, 2, 3);
            });
            assertThat(server.receivedFor("carol@example.com")).isEmpty();
            assertThat(server.settings().yaml()).contains("port: " + server.port(), "tls: none");
        }
    }
}
