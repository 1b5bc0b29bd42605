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
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.VoicemailCall;
import org.switchboard.e2e.harness.VoicemailListing;
import org.switchboard.e2e.harness.audio.Tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mailbox menu driven by the RFC 4733 packets SIPp ships ({@code /usr/share/sip-tester/dtmf_2833_*.pcap}, replayed
 * with {@code play_pcap_audio}): a SIPp caller dials {@code *98}, keys mailbox 4789 and {@code #}, PIN 2468 and
 * {@code #}, then 1, and hears the one new message that a baresip caller left; the message is then old (heard). The
 * mailbox and PIN are spelled with ascending digits because of how the pcaps are numbered (see the scenario's
 * comment).
 */
class VoicemailSippDtmfTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration SIPP_RUN = Duration.ofSeconds(60);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final Credentials ALICE = new Credentials("4781", "Alice-Sipp-4781");
    /** Ascending digits: the pcaps' RTP timestamps grow with the key. */
    private static final Credentials BOB = new Credentials("4789", "Bob-Sipp-4789");
    private static final String BOB_PIN = "2468";

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        cli.addExtension(ALICE, "Alice Sipp");
        cli.addExtension(BOB, "Bob Sipp");
        ProcessResult pin = cli.runInThisJvm("voicemail", "set", BOB.user(), "--pin", BOB_PIN);
        assertThat(pin.exitCode()).as(pin.describe()).isZero();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void sippKeysFromItsPcapsReachTheMailboxAndHearTheMessage() {
        BaresipAccount aliceAccount = new BaresipAccount(ALICE, DOMAIN, Transport.UDP, "127.0.0.1",
                server.ports().sip());
        BaresipAudio tone = BaresipAudio.file(Tone.of(440, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("440.wav")));
        try (Baresip alice = Baresip.start(work.resolve("alice"), List.of(aliceAccount), null, 600, tone)) {
            await("Alice registered").atMost(WITHIN).until(() -> alice.isRegistered(aliceAccount));
            VoicemailCall.leaveMessage(alice, BOB.user(), Duration.ofSeconds(3), WITHIN);
        }
        await("Alice's message stored").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> VoicemailListing.of(cli, BOB.user()).newMessages() == 1);

        int sip = server.ports().sip();
        SippResult call = Sipp.scenario("voicemail/caller_98_listen.xml").target("127.0.0.1", sip)
                .users(InjectionFile.write(work.resolve("alice.csv"), List.of(ALICE))).key("dial", "*98")
                .authUri("*98@127.0.0.1:" + sip).timeout(SIPP_RUN).run();

        assertThat(call.allSucceeded(1)).as(call.describe()).isTrue();
        VoicemailListing box = await("the message heard").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> VoicemailListing.of(cli, BOB.user()), b -> b.newMessages() == 0);
        assertThat(box.oldMessages()).isEqualTo(1);
        assertThat(box.messages()).singleElement().satisfies(m -> {
            assertThat(m.folder()).isEqualTo("old");
            assertThat(m.callerNumber()).isEqualTo(ALICE.user());
        });
    }
}
