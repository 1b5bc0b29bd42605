package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.BaresipEvent;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.VoicemailCall;
import org.switchboard.e2e.harness.VoicemailCall.Deposit;
import org.switchboard.e2e.harness.VoicemailListing;
import org.switchboard.e2e.harness.audio.AudioScan;
import org.switchboard.e2e.harness.audio.AudioScan.Span;
import org.switchboard.e2e.harness.audio.Tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mailbox menu driven by a real phone's keys (issue 4, item 9): baresip sends RFC 4733 telephone-events
 * ({@code sndcode}); Bob dials {@code *97} from his own extension, enters his PIN, hears his one new message (Alice's
 * 440 Hz tone, so the test knows when the recording itself plays) after its envelope, deletes it with 7; the lamp of
 * his baresip ({@code mwi} module, RFC 3842) goes from yes (1/0) to no with one old message (0/1) when he hears it,
 * then to 0/0 when he deletes it. Three wrong PINs and the server hangs up.
 *
 * <p>Keys are pressed when the server has finished speaking (its prompt heard, then quiet), as a person would, except
 * 1, which interrupts the main menu once the counts have been heard; the waits are on the call's audio, never on
 * timers.
 */
class VoicemailMenuTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** Quiet after a prompt that means the server now waits for keys. */
    private static final Duration QUIET = Duration.ofMillis(800);
    /** The longest wait for a prompt to end: the summary and the five lines of the main menu last about 14 s. */
    private static final Duration PROMPT_WITHIN = Duration.ofSeconds(30);
    private static final Duration MESSAGE = Duration.ofSeconds(3);
    /** How much of the counts Bob listens to before pressing 1 ("you have one new message" lasts about 2 s). */
    private static final Duration SUMMARY = Duration.ofMillis(2500);
    private static final double MESSAGE_HZ = 440;
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final Credentials ALICE = new Credentials("4711", "Alice-Menu-4711");
    private static final Credentials BOB = new Credentials("4712", "Bob-Menu-4712");
    private static final Credentials CARL = new Credentials("4713", "Carl-Menu-4713");
    private static final String BOB_PIN = "4826";
    private static final String CARL_PIN = "7391";
    private static final String WRONG_PIN = "5160";

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static BaresipAudio aliceTone;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        for (Credentials user : List.of(ALICE, BOB, CARL)) {
            cli.addExtension(user, "User " + user.user());
        }
        check(cli.runInThisJvm("voicemail", "set", BOB.user(), "--pin", BOB_PIN));
        check(cli.runInThisJvm("voicemail", "set", CARL.user(), "--pin", CARL_PIN));
        aliceTone = BaresipAudio.file(Tone.of(MESSAGE_HZ, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("440.wav")));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theOwnerHearsHisNewMessageDeletesItWithSevenAndHisLampGoesOut() {
        BaresipAccount aliceAccount = account(ALICE);
        Deposit left;
        try (Baresip alice = Baresip.start(work.resolve("alice"), List.of(aliceAccount), null, 600, aliceTone)) {
            await("Alice registered").atMost(WITHIN).until(() -> alice.isRegistered(aliceAccount));
            // Bob has no phone registered yet: voicemail answers at once.
            left = VoicemailCall.leaveMessage(alice, BOB.user(), MESSAGE, WITHIN);
        }
        await("Alice's message stored").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> VoicemailListing.of(cli, BOB.user()).newMessages() == 1);

        BaresipAccount bobAccount = account(BOB);
        try (Baresip bob = Baresip.startWithMwi(work.resolve("bob"), null)) {
            bob.addAccount(bobAccount, 600);
            BaresipEvent lit = awaitLamp(bob, 0, "Messages-Waiting: yes");
            assertThat(lit.param()).contains("Voice-Message: 1/0");
            int beforeCall = bob.eventCount();

            VoicemailCall call = VoicemailCall.dial(bob, "*97", WITHIN);
            Duration askedPin = awaitPromptEnd(call, Duration.ZERO);
            bob.sendDigits(BOB_PIN + "#");
            // The counts ("you have one new message"), then the main menu, which 1 interrupts as a person would.
            Duration afterPin = call.heardLength();
            Duration summary = bob.awaitHeard(call.audioMark(), "the counts after the PIN",
                    pcm -> AudioScan.firstSound(pcm, afterPin), WITHIN);
            call.talkUntil(summary, SUMMARY, WITHIN);
            bob.sendDigits("1");
            Duration pressedOne = call.heardLength();
            Span message = bob.awaitHeard(call.audioMark(), "Alice's message (" + MESSAGE_HZ + " Hz)",
                    pcm -> AudioScan.firstTone(pcm, MESSAGE_HZ, MESSAGE.minusMillis(700), pressedOne), PROMPT_WITHIN);
            Duration envelope = AudioScan.soundWithin(call.heard(), new Span(pressedOne, message.start()));
            BaresipEvent heard = awaitLamp(bob, beforeCall, "Voice-Message: 0/1");
            bob.sendDigits("7");

            await("the message deleted").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                    .until(() -> VoicemailListing.of(cli, BOB.user()).messages().isEmpty());
            BaresipEvent out = awaitLamp(bob, beforeCall, "Voice-Message: 0/0");
            call.hangUp(WITHIN);
            System.out.printf("menu: PIN asked by %d ms, the counts from %d ms, 1 pressed at %d ms, %d ms of envelope,"
                    + " the message %s%n", askedPin.toMillis(), summary.toMillis(), pressedOne.toMillis(),
                    envelope.toMillis(), message.describe());
            assertThat(heard.param()).as("heard: the lamp goes out, one old message").contains("Messages-Waiting: no");
            assertThat(out.param()).as("deleted: nothing left").contains("Messages-Waiting: no");
            assertThat(envelope).as("the envelope (when, from whom) is said before the message")
                    .isGreaterThan(Duration.ofSeconds(1));
            assertThat(message.length()).as("the whole message played: Alice spoke %d ms", left.spoken().toMillis())
                    .isBetween(left.spoken().minusMillis(500), left.spoken().plusMillis(500));
        }
    }

    @Test
    void threeWrongPinsAndTheServerHangsUp() {
        BaresipAccount carlAccount = account(CARL);
        try (Baresip carl = Baresip.start(work.resolve("carl"), List.of(carlAccount), null, 600)) {
            await("Carl registered").atMost(WITHIN).until(() -> carl.isRegistered(carlAccount));

            VoicemailCall call = VoicemailCall.dial(carl, "*97", WITHIN);
            Duration heard = Duration.ZERO;
            for (int attempt = 1; attempt <= 3; attempt++) {
                awaitPromptEnd(call, heard);
                assertThat(carl.awaitEvent(e -> e.type().equals("CALL_CLOSED"), call.eventMark(), Duration.ZERO))
                        .as("still connected before attempt %d", attempt).isEmpty();
                carl.sendDigits(WRONG_PIN + "#");
                heard = call.heardLength();
            }

            BaresipEvent closed = call.awaitClosed(WITHIN);
            System.out.printf("wrong PIN: the server hung up after %d ms of audio: %s%n",
                    call.heardLength().toMillis(), closed.param());
            assertThat(VoicemailListing.of(cli, CARL.user()).messages()).isEmpty();
        }
    }

    /** Waits until the server has spoken after {@code from} and then been quiet: it waits for keys. */
    private static Duration awaitPromptEnd(VoicemailCall call, Duration from) {
        return call.phone().awaitHeard(call.audioMark(), "a prompt after " + from.toMillis() + " ms, then quiet",
                pcm -> AudioScan.soundThenQuiet(pcm, from, QUIET), PROMPT_WITHIN);
    }

    /** The first message-waiting NOTIFY at or after event {@code from} whose body contains {@code line}. */
    private static BaresipEvent awaitLamp(Baresip phone, int from, String line) {
        return phone.awaitEvent(e -> e.type().equals("MWI_NOTIFY") && e.param().contains(line), from, WITHIN)
                .orElseThrow(() -> new AssertionError("no MWI NOTIFY with '" + line + "' within " + WITHIN.toSeconds()
                        + " s; NOTIFYs: " + phone.events().stream().filter(e -> e.type().equals("MWI_NOTIFY"))
                        .map(BaresipEvent::param).toList()));
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
