package org.switchboard.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestWav;
import org.switchboard.pbx.voicemail.delivery.MailAttachment;
import org.switchboard.pbx.voicemail.delivery.MailSendException;
import org.switchboard.pbx.voicemail.delivery.OutgoingMail;

/** The SMTP sender against real SMTP servers on 127.0.0.1: plain with login, STARTTLS, implicit TLS. */
class SmtpMailSenderTest {
    @TempDir Path dir;
    private GreenMail mail;
    private Path wav;

    @BeforeEach
    void start() throws IOException {
        mail = TestMailServers.start();
        wav = Files.write(dir.resolve("m.wav"), TestWav.ulaw(Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private static SmtpSettings settings(int port, SmtpTls tls, Optional<Path> certificate, String password) {
        return new SmtpSettings(Optional.of("127.0.0.1"), port, "switchboard@pbx.example.com", Optional.of(TestMailServers.USER),
                Optional.of(password), tls, Duration.ofSeconds(10), certificate);
    }

    private OutgoingMail voicemail() {
        return new OutgoingMail("dr@praxis.ch", "Message vocal de Zoë <1001> (0:02)", "Reçu le : lundi 2 mars 2026 à 14:05\n",
                Optional.of(new MailAttachment("voicemail-1002-20260302-140500-from-1001.wav", "audio/wav", wav)));
    }

    private MimeMessage received() {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        return mail.getReceivedMessages()[0];
    }

    private void assertVoicemail(MimeMessage m) throws Exception {
        assertThat(m.getSubject()).isEqualTo("Message vocal de Zoë <1001> (0:02)");
        assertThat(m.getFrom()[0].toString()).isEqualTo("switchboard@pbx.example.com");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("dr@praxis.ch");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(text(parts.getBodyPart(0).getContent())).isEqualTo("Reçu le : lundi 2 mars 2026 à 14:05");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("voicemail-1002-20260302-140500-from-1001.wav");
        assertThat(attachment.getContentType()).startsWith("audio/wav");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(TestWav.ulaw(Duration.ofMillis(1500)));
    }

    /** Mail text travels with CRLF line ends (RFC 5321 §2.3.8). */
    private static String text(Object content) {
        return content.toString().replace("\r\n", "\n").strip();
    }

    @Test
    void plainSmtpWithLoginDeliversTextAndTheRecording() throws Exception {
        SmtpMailSender sender = SmtpMailSender.create(settings(mail.getSmtp().getPort(), SmtpTls.NONE, Optional.empty(),
                TestMailServers.PASSWORD), Clock.systemUTC());
        sender.send(voicemail());
        assertVoicemail(received());
        assertThat(sender.toString()).doesNotContain(TestMailServers.PASSWORD);
    }

    @Test
    void startTlsUpgradesTheConnectionBeforeTheLogin() throws Exception {
        try (StartTlsFront front = new StartTlsFront(mail.getSmtp().getPort())) {
            SmtpMailSender sender = SmtpMailSender.create(settings(front.port(), SmtpTls.STARTTLS,
                    Optional.of(TestMailServers.certificatePem()), TestMailServers.PASSWORD), Clock.systemUTC());
            sender.send(voicemail());
            assertVoicemail(received());
            assertThat(front.upgraded()).isEqualTo(1);
        }
    }

    @Test
    void implicitTlsDelivers() throws Exception {
        SmtpMailSender sender = SmtpMailSender.create(settings(mail.getSmtps().getPort(), SmtpTls.TLS,
                Optional.of(TestMailServers.certificatePem()), TestMailServers.PASSWORD), Clock.systemUTC());
        sender.send(new OutgoingMail("dr@praxis.ch", "Voicemail from Alice <1001> (0:02)", "Duration: 0:02\n", Optional.empty()));
        MimeMessage m = received();
        assertThat(m.getSubject()).isEqualTo("Voicemail from Alice <1001> (0:02)");
        assertThat(m.getContentType()).startsWith("text/plain");
        assertThat(text(m.getContent())).isEqualTo("Duration: 0:02");
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenItIsRequired() throws Exception {
        SmtpMailSender sender = SmtpMailSender.create(settings(mail.getSmtp().getPort(), SmtpTls.STARTTLS, Optional.empty(),
                TestMailServers.PASSWORD), Clock.systemUTC());
        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender.send(voicemail()));
        assertThat(e.getMessage()).contains("STARTTLS");
        assertThat(e.permanent()).isFalse();
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUntrustedCertificateFailsWithAHint() throws Exception {
        SmtpMailSender sender = SmtpMailSender.create(settings(mail.getSmtps().getPort(), SmtpTls.TLS, Optional.empty(),
                TestMailServers.PASSWORD), Clock.systemUTC());
        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender.send(voicemail()));
        assertThat(e.getMessage()).startsWith("TLS with 127.0.0.1:" + mail.getSmtps().getPort() + " failed")
                .contains("smtp.certificate");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordIsExplainedWithoutShowingIt() throws Exception {
        SmtpMailSender sender = SmtpMailSender.create(settings(mail.getSmtp().getPort(), SmtpTls.NONE, Optional.empty(),
                "wrong-password"), Clock.systemUTC());
        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender.send(voicemail()));
        assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + mail.getSmtp().getPort()
                + " refused the login of 'pbx': check smtp.username and smtp.password");
        assertThat(e.getMessage()).doesNotContain("wrong-password");
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void noServerListeningIsACleanRetryableFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpMailSender sender = SmtpMailSender.create(settings(closed, SmtpTls.NONE, Optional.empty(), "x"), Clock.systemUTC());
        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender.send(voicemail()));
        assertThat(e.getMessage()).startsWith("cannot connect to 127.0.0.1:" + closed);
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void badSettingsAreToldAtStart() throws Exception {
        Path notPem = Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        SmtpSettings bad = settings(25, SmtpTls.TLS, Optional.of(notPem), "x");
        assertThat(catchThrowableOfType(IOException.class, () -> SmtpMailSender.create(bad, Clock.systemUTC())))
                .hasMessageContaining(notPem.toString());
        assertThat(new MailNotConfigured()).satisfies(s -> assertThat(catchThrowableOfType(MailSendException.class,
                () -> s.send(voicemail()))).hasMessageContaining("set smtp.host"));
    }
}
