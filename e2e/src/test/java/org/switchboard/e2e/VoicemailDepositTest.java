package org.switchboard.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.Espeak;
import org.switchboard.e2e.harness.MailServer;
import org.switchboard.e2e.harness.MailServer.ReceivedMail;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.VoicemailCall;
import org.switchboard.e2e.harness.VoicemailListing;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.AudioScan.Span;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.WavDecoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leaving a voicemail message with real phones (issue 4, items 8 and 9): baresip Alice speaks an espeak-ng sentence;
 * the server answers for a phone that does not answer, is busy or is not registered, says the system greeting, beeps
 * and records. The message is mailed to the mailbox's owner (GreenMail in this JVM) with its recording attached, and
 * {@code voicemail list} shows it. Every wait is on the call's own audio (the beep found in what Alice heard, the
 * message's length counted in her audio), never on a timer.
 *
 * <p>Which greeting a caller heard is told by its length: the three greetings differ only in "is busy" versus "is
 * unavailable" and in the extension's digits, so Dan (4720) and Carol (4207) have digits of the same lengths, and the
 * busy and unavailable greetings differ by the length of the two bundled prompts.
 */
class VoicemailDepositTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final int RING_SECONDS = 5;
    private static final Duration RING = Duration.ofSeconds(RING_SECONDS);
    private static final Duration MESSAGE = Duration.ofSeconds(3);
    /** How far the mailed recording's length may be from the time Alice spoke after the beep. */
    private static final Duration MESSAGE_TOLERANCE = Duration.ofMillis(500);
    /** How far two greetings' lengths may differ from what the prompts' lengths say. */
    private static final Duration GREETING_TOLERANCE = Duration.ofMillis(150);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final String BOB_MAIL = "bob@example.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Credentials ALICE = new Credentials("4701", "Alice-Vm-4701");
    private static final Credentials BOB = new Credentials("4702", "Bob-Vm-4702");
    private static final Credentials DAN = new Credentials("4720", "Dan-Vm-4720");
    private static final Credentials CAROL = new Credentials("4207", "Carol-Vm-4207");

    @TempDir
    static Path work;
    private static MailServer mail;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static BaresipAudio speech;

    @BeforeAll
    static void startServers() {
        mail = MailServer.start();
        server = SwitchboardProcess.start(work.resolve("data"), SwitchboardProcess.Ports.free(), mail.settings());
        cli = server.cli();
        for (Credentials user : List.of(ALICE, BOB, DAN, CAROL)) {
            cli.addExtension(user, "User " + user.user());
        }
        for (Credentials user : List.of(BOB, DAN)) {
            check(cli.runInThisJvm("extension", "set", user.user(), "--ring-timeout", Integer.toString(RING_SECONDS)));
        }
        check(cli.runInThisJvm("voicemail", "set", BOB.user(), "--email", BOB_MAIL, "--email-mode", "attach"));
        speech = BaresipAudio.file(Espeak.speech(work.resolve("alice-says.wav"),
                "Hello Bob, this is Alice. Please call me back about the invoice for March.", Duration.ofSeconds(90)));
    }

    @AfterAll
    static void stopServers() {
        if (server != null) {
            server.stop();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void anUnansweredCallLeavesASpokenMessageThatIsMailedWithItsRecording() {
        BaresipAccount aliceAccount = account(ALICE);
        BaresipAccount bobAccount = account(BOB).withAnswerMode(AnswerMode.MANUAL);
        try (Baresip alice = Baresip.start(work.resolve("a1"), List.of(aliceAccount), null, 600, speech);
                Baresip bob = Baresip.start(work.resolve("b1"), List.of(bobAccount), null, 600)) {
            awaitRegistered(alice, aliceAccount, bob, bobAccount);

            VoicemailCall call = VoicemailCall.dial(alice, BOB.user(), RING.plus(WITHIN));
            bob.awaitEvent("CALL_INCOMING", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);
            Span beep = call.awaitBeep(WITHIN);
            call.talkUntil(beep.end(), MESSAGE, WITHIN);
            Duration spoken = call.heardLength().minus(beep.end());
            call.hangUp(WITHIN);

            ReceivedMail mailed = mail.awaitMails(BOB_MAIL, 1, WITHIN).getFirst();
            assertThat(mailed.attachments()).as(mailed.describe()).hasSize(1);
            ReceivedMail.Attachment wav = mailed.attachments().getFirst();
            Pcm16 recording = WavDecoder.decode(wav.content(), "the mailed " + wav.fileName());
            AudioMeasurement heard = AudioAnalyser.measure(recording);
            System.out.printf("voicemail: greeting from %d ms, beep %s, Alice spoke %d ms; mailed %s (%s, %d Hz):"
                    + " %d ms, %s%n", call.greetingStart().toMillis(), beep.describe(), spoken.toMillis(),
                    wav.fileName(), wav.contentType(), recording.sampleRate(), recording.duration().toMillis(),
                    heard.describe());
            assertThat(wav.fileName()).endsWith(".wav");
            assertThat(recording.duration()).as("the mailed recording lasts as long as Alice spoke")
                    .isBetween(spoken.minus(MESSAGE_TOLERANCE), spoken.plus(MESSAGE_TOLERANCE));
            assertThat(heard.rmsDbfs()).as("Alice's voice, not silence: %s", heard.describe()).isGreaterThan(-35);
            assertThat(heard.steadyLength()).as("speech through the message: %s", heard.describe())
                    .isGreaterThan(spoken.minusSeconds(1));
            assertThat(heard.toneShare()).as("speech, not the beep: %s", heard.describe()).isLessThan(0.5);

            VoicemailListing box = awaitMailSent(BOB.user());
            assertThat(box.newMessages()).isEqualTo(1);
            assertThat(box.messages()).singleElement().satisfies(m -> {
                assertThat(m.folder()).isEqualTo("new");
                assertThat(m.callerNumber()).isEqualTo(ALICE.user());
                assertThat(m.durationSeconds()).isBetween(spoken.toSeconds() - 1, spoken.toSeconds() + 1);
            });
            assertThat(latestDisposition()).isEqualTo("VOICEMAIL");
        }
    }

    @Test
    void busyNoAnswerAndNotRegisteredEachReachTheMailboxWithTheirGreeting() {
        BaresipAccount aliceAccount = account(ALICE);
        BaresipAccount danAccount = account(DAN).withAnswerMode(AnswerMode.MANUAL);
        try (Baresip alice = Baresip.start(work.resolve("a2"), List.of(aliceAccount), null, 600, speech);
                Baresip dan = Baresip.start(work.resolve("d2"), List.of(danAccount), null, 600)) {
            awaitRegistered(alice, aliceAccount, dan, danAccount);

            // Busy: Dan's phone refuses the call (baresip's hangup while ringing in answers 486).
            VoicemailCall busy = VoicemailCall.start(alice, DAN.user());
            dan.awaitEvent("CALL_INCOMING", WITHIN);
            dan.hangup();
            busy.awaitAnswered(WITHIN);
            Span busyBeep = busy.awaitBeep(WITHIN);
            busy.hangUp(WITHIN);
            Duration busyGreeting = busyBeep.start().minus(busy.greetingStart());

            // No answer: Dan's phone rings out its 5 s; hung up at the beep, the message is too short to keep.
            int danEvents = dan.eventCount();
            VoicemailCall unanswered = VoicemailCall.dial(alice, DAN.user(), RING.plus(WITHIN));
            dan.awaitEvent("CALL_INCOMING", danEvents, WITHIN);
            Span unansweredBeep = unanswered.awaitBeep(WITHIN);
            unanswered.hangUp(WITHIN);
            Duration unansweredGreeting = unansweredBeep.start().minus(unanswered.greetingStart());

            // Not registered: Carol has no phone; the server answers at once and she gets a message.
            long dialled = System.nanoTime();
            VoicemailCall unregistered = VoicemailCall.dial(alice, CAROL.user(), WITHIN);
            Duration toAnswer = Duration.ofNanos(System.nanoTime() - dialled);
            Span carolBeep = unregistered.awaitBeep(WITHIN);
            unregistered.talkUntil(carolBeep.end(), Duration.ofSeconds(2), WITHIN);
            unregistered.hangUp(WITHIN);
            Duration carolGreeting = carolBeep.start().minus(unregistered.greetingStart());

            Duration busyToUnavailable = promptLength("vm-is-unavailable").minus(promptLength("vm-is-busy"));
            System.out.printf("greetings: busy %d ms, no answer %d ms, not registered %d ms (answered after %d ms);"
                    + " the prompts say unavailable - busy = %d ms%n", busyGreeting.toMillis(),
                    unansweredGreeting.toMillis(), carolGreeting.toMillis(), toAnswer.toMillis(),
                    busyToUnavailable.toMillis());
            assertThat(unansweredGreeting.minus(busyGreeting)).as("busy says 'is busy', no answer 'is unavailable'")
                    .isBetween(busyToUnavailable.minus(GREETING_TOLERANCE), busyToUnavailable.plus(GREETING_TOLERANCE));
            assertThat(carolGreeting.minus(unansweredGreeting).abs()).as("not registered says 'is unavailable'")
                    .isLessThanOrEqualTo(GREETING_TOLERANCE);
            assertThat(toAnswer).as("no phone to ring: voicemail at once").isLessThan(RING);
            VoicemailListing carolsBox = awaitMessages(CAROL.user(), 1);
            assertThat(carolsBox.newMessages()).isEqualTo(1);
            assertThat(carolsBox.messages()).singleElement().extracting(VoicemailListing.Message::callerNumber)
                    .isEqualTo(ALICE.user());
            // Carol's later message is stored: Dan's two calls, hung up at the beep, were long done with.
            assertThat(VoicemailListing.of(cli, DAN.user()).messages()).as("hung up at the beep: under 1 s, discarded")
                    .isEmpty();
            assertThat(latestDisposition()).isEqualTo("VOICEMAIL");
        }
    }

    /** Waits until the mailbox lists {@code count} messages, and returns it. */
    private static VoicemailListing awaitMessages(String number, int count) {
        return await(count + " message(s) in " + number).atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> VoicemailListing.of(cli, number), box -> box.messages().size() == count);
    }

    /** Waits until the mailbox's single message has been mailed, and returns the mailbox. */
    private static VoicemailListing awaitMailSent(String number) {
        return await("the message of " + number + " marked sent").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> VoicemailListing.of(cli, number),
                        box -> box.messages().size() == 1 && box.messages().getFirst().emailState().equals("sent"));
    }

    /** The disposition of the newest call record, once it is complete. */
    private static String latestDisposition() {
        return await("the newest call record complete").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    ProcessResult cdr = cli.runInThisJvm("cdr", "--json", "--limit", "1");
                    check(cdr);
                    JsonNode record = JSON.readTree(cdr.stdout()).path(0);
                    return record.path("endedAt").isString() ? record.path("disposition").asString() : "";
                }, d -> !d.isEmpty());
    }

    /** The length of a bundled English prompt, from the server's own resources. */
    private static Duration promptLength(String key) {
        String resource = "/org/switchboard/pbx/prompt/en/" + key + ".wav";
        try (InputStream in = VoicemailDepositTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled prompt " + resource);
            }
            return WavDecoder.decode(in.readAllBytes(), resource).duration();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static void awaitRegistered(Baresip a, BaresipAccount aAccount, Baresip b, BaresipAccount bAccount) {
        await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> a.isRegistered(aAccount) && b.isRegistered(bAccount));
    }

    private static void check(ProcessResult r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the CLI failed: " + r.describe());
        }
    }

    private static BaresipAccount account(Credentials user) {
        return new BaresipAccount(user, DOMAIN, Transport.UDP, "127.0.0.1", server.ports().sip());
    }
}
