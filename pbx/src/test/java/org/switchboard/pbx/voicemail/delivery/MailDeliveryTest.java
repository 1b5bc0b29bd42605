package org.switchboard.pbx.voicemail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.TestClock;
import org.switchboard.pbx.voicemail.TestWav;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.mailbox.MemoryMailboxRepository;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageLimits;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/** Voicemail to e-mail against a mail server in memory, on a clock that moves only when told. */
class MailDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T13:05:00Z");
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @TempDir Path root;
    private final TestClock clock = new TestClock(NOW);
    private final MemoryDeliveryRepository deliveries = new MemoryDeliveryRepository();
    private final FakeMailSender server = new FakeMailSender();
    private final MailboxService mailboxes = new MailboxService(new MemoryMailboxRepository(), Set.of("1002", "1003")::contains,
            new SecureRandom(), 1000, MailboxLanguage.EN);
    private MessageStore messages;
    private MailDelivery delivery;

    @BeforeEach
    void wire() {
        messages = new MessageStore(root, new MemoryMessageRepository(), MessageLimits.DEFAULT, clock, new SplittableRandom(5));
        delivery = delivery(server);
        messages.addArrivalListener(delivery);
    }

    private MailDelivery delivery(MailSender sender) {
        return new MailDelivery(deliveries, messages, mailboxes::mailbox, sender, RetryPolicy.DEFAULT, clock, ZURICH,
                MailboxLanguage.EN);
    }

    private void mailbox(String number, EmailMode mode) {
        mailboxes.update(number, MailboxChange.NONE.withEmail("dr@praxis.ch").withEmailMode(mode));
    }

    private VoicemailMessage leave(String mailbox) throws IOException {
        MessageDraft draft = ((MessageStore.Begun.Recording) messages.begin(mailbox, new Caller("1001", "Alice"))).draft();
        draft.output().write(TestWav.ulaw(Duration.ofSeconds(7)));
        return ((MessageDraft.Committed.Stored) draft.commit()).message();
    }

    private Delivery state(VoicemailMessage m) {
        return deliveries.find(m.id()).orElseThrow();
    }

    @Test
    void attachSendsTheRecordingAndKeepsTheMessage() throws Exception {
        mailbox("1002", EmailMode.ATTACH);
        VoicemailMessage m = leave("1002");
        assertThat(state(m).state()).isEqualTo(DeliveryState.PENDING);
        assertThat(server.sent()).as("nothing is sent on the recording thread").isEmpty();

        assertThat(delivery.runDue()).isEqualTo(1);
        FakeMailSender.Sent sent = server.sent().getFirst();
        assertThat(sent.mail().to()).isEqualTo("dr@praxis.ch");
        assertThat(sent.mail().subject()).isEqualTo("Voicemail from Alice <1001> (0:07)");
        assertThat(sent.mail().text()).contains("Monday 2 March 2026, 14:05").contains("0:07");
        MailAttachment attachment = sent.mail().attachment().orElseThrow();
        assertThat(attachment.fileName()).isEqualTo("voicemail-1002-20260302-140500-from-1001.wav");
        assertThat(attachment.contentType()).isEqualTo("audio/wav");
        assertThat(sent.attachment()).isEqualTo(TestWav.ulaw(Duration.ofSeconds(7)));

        Delivery done = state(m);
        assertThat(done.state()).isEqualTo(DeliveryState.SENT);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.sentAt()).contains(NOW);
        assertThat(messages.find("1002", m.id())).isPresent();
        assertThat(delivery.runDue()).as("sent once").isZero();
    }

    @Test
    void attachDeleteDeletesTheMessageOnlyAfterTheServerAcceptedIt() throws Exception {
        mailbox("1002", EmailMode.ATTACH_DELETE);
        VoicemailMessage m = leave("1002");
        server.down();
        delivery.runDue();
        assertThat(messages.find("1002", m.id())).as("a failure never touches the message").isPresent();
        server.up();
        clock.advance(Duration.ofMinutes(1));
        delivery.runDue();
        assertThat(server.sent()).hasSize(1);
        assertThat(server.sent().getFirst().attachment()).isEqualTo(TestWav.ulaw(Duration.ofSeconds(7)));
        assertThat(messages.find("1002", m.id())).isEmpty();
        assertThat(messages.file(m)).doesNotExist();
    }

    @Test
    void notifySendsNoRecordingAndOffSendsNothing() throws Exception {
        mailbox("1002", EmailMode.NOTIFY);
        mailbox("1003", EmailMode.OFF);
        VoicemailMessage notified = leave("1002");
        VoicemailMessage silent = leave("1003");
        delivery.runDue();
        assertThat(server.sent()).hasSize(1);
        assertThat(server.sent().getFirst().mail().attachment()).isEmpty();
        assertThat(server.sent().getFirst().mail().text()).contains("Listen to it with your phone's voicemail.");
        assertThat(state(notified).state()).isEqualTo(DeliveryState.SENT);
        assertThat(deliveries.find(silent.id())).isEmpty();
    }

    @Test
    void aMailboxWithoutAddressQueuesNothing() throws Exception {
        VoicemailMessage m = leave("1002");
        assertThat(deliveries.find(m.id())).isEmpty();
    }

    @Test
    void failuresAreRetriedWithExponentialBackoffAndShowTheLastError() throws Exception {
        mailbox("1002", EmailMode.ATTACH);
        VoicemailMessage m = leave("1002");
        server.down();
        delivery.runDue();
        Delivery first = state(m);
        assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("cannot connect to mail.example.com:587: Connection refused");
        assertThat(first.nextAttemptAt()).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(delivery.nextDue()).contains(NOW.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(delivery.runDue()).as("not yet due").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery.runDue()).isEqualTo(1);
        assertThat(state(m).nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));
        delivery.runDue();
        assertThat(state(m).attempts()).isEqualTo(3);
        assertThat(state(m).nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(4)));

        server.up();
        clock.advance(Duration.ofMinutes(4));
        delivery.runDue();
        assertThat(state(m).state()).isEqualTo(DeliveryState.SENT);
        assertThat(state(m).attempts()).isEqualTo(4);
        assertThat(server.sent()).hasSize(1);
    }

    @Test
    void afterFortyEightHoursItGivesUpAndTheMessageStays() throws Exception {
        mailbox("1002", EmailMode.ATTACH_DELETE);
        VoicemailMessage m = leave("1002");
        server.down();
        int attempts = 0;
        while (state(m).state() == DeliveryState.PENDING) {
            clock.set(state(m).nextAttemptAt().orElseThrow());
            attempts += delivery.runDue();
        }
        Delivery failed = state(m);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(attempts).isEqualTo(16);
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("gave up after 16 attempts: cannot connect"));
        assertThat(clock.instant()).isBefore(NOW.plus(Duration.ofHours(48)));
        assertThat(messages.find("1002", m.id())).isPresent();
        clock.advance(Duration.ofDays(7));
        assertThat(delivery.runDue()).isZero();
    }

    @Test
    void aPermanentRefusalFailsAtOnce() throws Exception {
        mailbox("1002", EmailMode.ATTACH);
        VoicemailMessage m = leave("1002");
        server.failNext(new MailSendException("the mail server refused dr@praxis.ch: 550 no such user", true));
        delivery.runDue();
        assertThat(state(m).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(state(m).lastError()).contains("the mail server refused dr@praxis.ch: 550 no such user");
    }

    @Test
    void aRestartResumesPendingDeliveries() throws Exception {
        mailbox("1002", EmailMode.ATTACH);
        server.down();
        VoicemailMessage m = leave("1002");
        delivery.runDue();
        // the server stops; a new one starts on the same database and files
        FakeMailSender working = new FakeMailSender();
        MailDelivery restarted = delivery(working);
        clock.advance(Duration.ofMinutes(1));
        assertThat(restarted.runDue()).isEqualTo(1);
        assertThat(working.sent()).hasSize(1);
        assertThat(state(m).state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aMessageDeletedBeforeItsMailFailsItsDeliveryCleanly() throws Exception {
        mailbox("1002", EmailMode.ATTACH);
        VoicemailMessage m = leave("1002");
        messages.delete("1002", m.id());
        delivery.runDue();
        assertThat(server.sent()).isEmpty();
        assertThat(state(m).state()).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void theSendingThreadMailsANewMessageWithoutBeingAsked() throws Exception {
        CountDownLatch mailed = new CountDownLatch(1);
        messages = new MessageStore(root, new MemoryMessageRepository(), MessageLimits.DEFAULT, clock, new SplittableRandom(6));
        MailDelivery running = delivery(mail -> {
            server.send(mail);
            mailed.countDown();
        });
        messages.addArrivalListener(running);
        running.start();
        VoicemailMessage m;
        try {
            mailbox("1003", EmailMode.NOTIFY);
            m = leave("1003");
            assertThat(mailed.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            running.close();
        }
        assertThat(server.sent()).extracting(s -> s.mail().subject()).containsExactly("Voicemail from Alice <1001> (0:07)");
        assertThat(deliveries.find(m.id())).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
    }
}
