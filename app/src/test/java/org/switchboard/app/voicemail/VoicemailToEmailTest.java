package org.switchboard.app.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.config.ConfigLoader;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.app.mail.TestMailServers;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.voicemail.TestClock;
import org.switchboard.pbx.voicemail.TestWav;
import org.switchboard.pbx.voicemail.VoicemailAdmin.MessageView;
import org.switchboard.pbx.voicemail.VoicemailRepositories;
import org.switchboard.pbx.voicemail.delivery.DeliveryState;
import org.switchboard.pbx.voicemail.delivery.MemoryDeliveryRepository;
import org.switchboard.pbx.voicemail.greeting.MemoryGreetingRepository;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;
import org.switchboard.pbx.voicemail.mailbox.MemoryMailboxRepository;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/**
 * A message left in a mailbox arrives by e-mail through a real SMTP server on 127.0.0.1, as the
 * server wires it from {@code DATA/switchboard.yaml}; a mail server that was down is caught up
 * with after a restart.
 */
class VoicemailToEmailTest {
    @TempDir Path data;
    private final VoicemailRepositories repositories = new VoicemailRepositories(new MemoryMailboxRepository(),
            new MemoryGreetingRepository(), new MemoryMessageRepository(), new MemoryDeliveryRepository());
    private final ExtensionService extensions = new ExtensionService(new MemoryExtensionRepository());
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T13:05:00Z"));
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = TestMailServers.start();
        extensions.add("1002", "Dr. Martin", Optional.of("doctor-password"));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private SwitchboardConfig config(int smtpPort) throws Exception {
        Files.writeString(data.resolve("switchboard.yaml"), """
                smtp:
                  host: 127.0.0.1
                  port: %d
                  tls: none
                  from: voicemail@praxis.ch
                  username: %s
                  password: %s
                voicemail:
                  language: de
                  min-message-length: 2s
                """.formatted(smtpPort, TestMailServers.USER, TestMailServers.PASSWORD));
        Files.setPosixFilePermissions(data.resolve("switchboard.yaml"), PosixFilePermissions.fromString("rw-------"));
        return new ConfigLoader(() -> "pbx.example.com").load(data, Map.of());
    }

    private static MessageDraft.Committed record(MessageStore messages, Duration length) throws Exception {
        MessageDraft draft = ((MessageStore.Begun.Recording) messages.begin("1002", new Caller("1001", "Alice"))).draft();
        draft.output().write(TestWav.ulaw(length));
        return draft.commit();
    }

    private static VoicemailMessage leave(MessageStore messages, Duration length) throws Exception {
        return ((MessageDraft.Committed.Stored) record(messages, length)).message();
    }

    private static MessageView view(VoicemailSystem system, VoicemailMessage m) {
        List<MessageView> listed = ((Outcome.Done<List<MessageView>>) system.admin().messages("1002")).value();
        return listed.stream().filter(v -> v.message().id().equals(m.id())).findFirst().orElseThrow();
    }

    @Test
    void aNewMessageIsMailedWithItsRecordingCallerTimeAndDuration() throws Exception {
        VoicemailSystem system = VoicemailSystem.start(config(mail.getSmtp().getPort()), repositories, extensions, clock);
        VoicemailMessage m;
        try (system) {
            assertThat(data.resolve("voicemail")).isDirectory();
            system.mailboxes().update("1002", MailboxChange.NONE.withEmail("dr@praxis.ch").withEmailMode(EmailMode.ATTACH));
            assertThat(record(system.messages(), Duration.ofMillis(1500))).as("shorter than min-message-length: 2s")
                    .isInstanceOf(MessageDraft.Committed.TooShort.class);
            m = leave(system.messages(), Duration.ofMillis(3200));
            assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        }
        MimeMessage mailed = mail.getReceivedMessages()[0];
        assertThat(mailed.getSubject()).isEqualTo("Sprachnachricht von Alice <1001> (0:03)");
        assertThat(mailed.getFrom()[0].toString()).isEqualTo("voicemail@praxis.ch");
        Multipart parts = (Multipart) mailed.getContent();
        String received = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN)
                .format(clock.instant().atZone(ZoneId.systemDefault()));
        assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"))
                .startsWith("Neue Sprachnachricht im Postfach 1002.")
                .contains("Von:       Alice <1001>").contains("Empfangen: " + received).contains("Dauer:     0:03");
        assertThat(parts.getBodyPart(1).getFileName()).startsWith("voicemail-1002-2026030").endsWith("-from-1001.wav");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(TestWav.ulaw(Duration.ofMillis(3200)));
        assertThat(view(system, m).delivery().orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailsThatCouldNotBeSentAreSentAfterARestart() throws Exception {
        int down;
        try (ServerSocket s = new ServerSocket(0)) {
            down = s.getLocalPort();
        }
        VoicemailSystem first = VoicemailSystem.start(config(down), repositories, extensions, clock);
        VoicemailMessage m;
        try (first) {
            first.mailboxes().update("1002", MailboxChange.NONE.withEmail("dr@praxis.ch").withEmailMode(EmailMode.NOTIFY));
            m = leave(first.messages(), Duration.ofSeconds(4));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> view(first, m).delivery().orElseThrow().attempts() == 1);
        }
        assertThat(view(first, m).delivery().orElseThrow().lastError()).hasValueSatisfying(
                e -> assertThat(e).startsWith("cannot connect to 127.0.0.1:" + down));

        clock.advance(Duration.ofMinutes(2));
        VoicemailSystem restarted = VoicemailSystem.start(config(mail.getSmtp().getPort()), repositories, extensions, clock);
        try (restarted) {
            assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        }
        assertThat(mail.getReceivedMessages()[0].getContentType()).startsWith("text/plain");
        assertThat(view(restarted, m).delivery().orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        assertThat(view(restarted, m).delivery().orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aYamlFileWithThePasswordReadableByOthersIsWarnedAbout() throws Exception {
        Path yaml = Files.writeString(data.resolve("switchboard.yaml"), "smtp:\n  password: x\n");
        Files.setPosixFilePermissions(yaml, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(VoicemailSystem.warnIfReadable(yaml)).isTrue();
        Files.setPosixFilePermissions(yaml, PosixFilePermissions.fromString("rw-------"));
        assertThat(VoicemailSystem.warnIfReadable(yaml)).isFalse();
    }
}
