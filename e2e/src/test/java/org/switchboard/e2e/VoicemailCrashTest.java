package org.switchboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.Espeak;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.VoicemailCall;
import org.switchboard.e2e.harness.VoicemailListing;
import org.switchboard.e2e.harness.audio.AudioScan.Span;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.WavDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} while a caller is leaving a message (issue 4, item 9): the server is killed with SIGKILL while it
 * writes the recording ({@code ID.wav.tmp} in {@code DATA/voicemail/MAILBOX}), then started again on the same data
 * folder. What the mailbox lists must be whole: no {@code .tmp} left, every listed message's WAV decodes (with the
 * JDK's decoder) to the duration listed, no recording without its index row nor row without its recording; and the
 * mailbox takes a new message at once.
 */
class VoicemailCrashTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** A listed duration is rounded to the second. */
    private static final Duration LISTED_TOLERANCE = Duration.ofMillis(600);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final Credentials ALICE = new Credentials("4791", "Alice-Crash-4791");
    private static final Credentials BOB = new Credentials("4792", "Bob-Crash-4792");

    @TempDir
    Path work;
    private SwitchboardProcess killed;
    private SwitchboardProcess restarted;

    @AfterEach
    void stopServers() {
        for (SwitchboardProcess server : new SwitchboardProcess[] {killed, restarted}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void aKillWhileAMessageIsRecordedLeavesOnlyWholeMessagesAndTheMailboxStillWorks() {
        Path data = work.resolve("data");
        Path box = data.resolve("voicemail").resolve(BOB.user());
        BaresipAudio speech = BaresipAudio.file(Espeak.speech(work.resolve("alice-says.wav"),
                "Hello Bob, this is Alice, calling about the delivery.", Duration.ofSeconds(60)));
        killed = SwitchboardProcess.start(data, SwitchboardProcess.Ports.free(), ServerSettings.DEFAULTS);
        killed.cli().addExtension(ALICE, "Alice Crash");
        killed.cli().addExtension(BOB, "Bob Crash");

        BaresipAccount first = account(killed);
        try (Baresip alice = Baresip.start(work.resolve("alice-1"), List.of(first), null, 600, speech)) {
            await("Alice registered").atMost(WITHIN).until(() -> alice.isRegistered(first));
            VoicemailCall call = VoicemailCall.dial(alice, BOB.user(), WITHIN);
            Span beep = call.awaitBeep(WITHIN);
            call.talkUntil(beep.end(), Duration.ofMillis(1500), WITHIN);
            await("the recording being written (" + box + "/*.tmp)").atMost(WITHIN)
                    .pollInterval(Duration.ofMillis(100)).until(() -> !files(box, ".tmp").isEmpty());

            killed.kill();

            System.out.printf("crash: killed %d ms after the beep, with %s being written%n",
                    call.heardLength().minus(beep.end()).toMillis(), files(box, ".tmp"));
            assertThat(killed.isAlive()).isFalse();
            alice.hangup();
        }

        restarted = SwitchboardProcess.start(data, SwitchboardProcess.Ports.free(), ServerSettings.DEFAULTS);
        VoicemailListing afterCrash = VoicemailListing.of(restarted.cli(), BOB.user());
        System.out.printf("crash: after the restart the mailbox lists %s%n", afterCrash.messages());
        assertWhole(box, afterCrash);

        BaresipAccount second = account(restarted);
        try (Baresip alice = Baresip.start(work.resolve("alice-2"), List.of(second), null, 600, speech)) {
            await("Alice registered again").atMost(WITHIN).until(() -> alice.isRegistered(second));
            VoicemailCall.leaveMessage(alice, BOB.user(), Duration.ofSeconds(2), WITHIN);
        }
        VoicemailListing afterNewMessage = await("the new message listed").atMost(WITHIN)
                .pollInterval(Duration.ofMillis(300)).until(() -> VoicemailListing.of(restarted.cli(), BOB.user()),
                        b -> b.messages().size() == afterCrash.messages().size() + 1);
        assertWhole(box, afterNewMessage);
        assertThat(afterNewMessage.newMessages()).isEqualTo(afterCrash.newMessages() + 1);
    }

    /**
     * No draft left; the recordings on disk are exactly the listed messages; each decodes to its listed duration.
     */
    private static void assertWhole(Path box, VoicemailListing listing) {
        assertThat(drafts(box.getParent())).as("drafts left in " + box.getParent()).isEmpty();
        Set<String> listed = listing.messages().stream().map(m -> m.id() + ".wav").collect(Collectors.toSet());
        assertThat(files(box, ".wav").stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                .as("recordings on disk are the listed messages").isEqualTo(listed);
        for (VoicemailListing.Message m : listing.messages()) {
            Pcm16 recording = WavDecoder.decode(box.resolve(m.id() + ".wav"));
            Duration listedLength = Duration.ofSeconds(m.durationSeconds());
            assertThat(recording.duration()).as("message %s listed at %d s", m.id(), m.durationSeconds())
                    .isBetween(listedLength.minus(LISTED_TOLERANCE), listedLength.plus(LISTED_TOLERANCE));
        }
    }

    /** The files of {@code dir} (not below) whose name ends with {@code suffix}; none when it does not exist. */
    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The {@code *.tmp} files anywhere under {@code root}. */
    private static List<Path> drafts(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }

    private static BaresipAccount account(SwitchboardProcess server) {
        return new BaresipAccount(ALICE, DOMAIN, Transport.UDP, "127.0.0.1", server.ports().sip());
    }
}
