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
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.BaresipEvent;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.RtpCapture;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SRTP with SDES keys (issue 4, item 2) with real phones: two baresip phones on TLS that insist on SRTP
 * ({@code mediaenc=srtp-mand}, RTP/SAVP) call each other through Switchboard, which terminates SRTP on each leg; both
 * hear the other's tone, and a capture of what the server sends to the caller's phone shows SRTP (each payload the
 * 160 bytes of 20 ms of PCMU plus the 80-bit tag, not the tone in clear). An extension whose policy requires SRTP
 * calling over UDP is refused with 488.
 */
class CallSrtpTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration TALK = Duration.ofSeconds(3);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final Credentials ALICE = new Credentials("4501", "Alice-Pass-4501");
    private static final Credentials BOB = new Credentials("4502", "Bob-Pass-4502");
    private static final Credentials CAROL = new Credentials("4503", "Carol-Pass-4503");

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static BaresipAudio tone440;
    private static BaresipAudio tone1000;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        cli.addExtension(ALICE, "Alice");
        cli.addExtension(BOB, "Bob");
        cli.addExtension(CAROL, "Carol");
        ProcessResult required = cli.run("extension", "set", CAROL.user(), "--srtp", "required");
        assertThat(required.exitCode()).as(required.describe()).isZero();
        tone440 = BaresipAudio.file(Tone.of(440, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("440.wav")));
        tone1000 = BaresipAudio.file(Tone.of(1000, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("1000.wav")));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void twoPhonesInsistingOnSrtpOverTlsHearEachOtherAndTheWireIsEncrypted() {
        BaresipAccount aliceAccount = account(ALICE, Transport.TLS).withMediaEncryption("srtp-mand");
        BaresipAccount bobAccount = account(BOB, Transport.TLS).withMediaEncryption("srtp-mand")
                .withAnswerMode(AnswerMode.MANUAL);
        try (Baresip alice = Baresip.start(work.resolve("alice"), List.of(aliceAccount), server.certificate(), 600,
                tone440);
                Baresip bob = Baresip.start(work.resolve("bob"), List.of(bobAccount), server.certificate(), 600,
                        tone1000)) {
            await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> alice.isRegistered(aliceAccount) && bob.isRegistered(bobAccount));
            // what the server sends Alice's phone: Bob's 1000 Hz tone, relayed and encrypted with the key of our answer
            try (RtpCapture toAlice = RtpCapture.toPort(alice.rtpPort(), 50, Duration.ofSeconds(25))) {
                alice.dial("sip:" + BOB.user() + "@" + DOMAIN);
                bob.awaitEvent("CALL_INCOMING", WITHIN);
                bob.accept();
                alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
                bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
                alice.awaitReceivedAudioLength(TALK, WITHIN);
                bob.awaitReceivedAudioLength(TALK, WITHIN);
                List<byte[]> payloads = toAlice.awaitPayloads(WITHIN);
                alice.hangup();
                alice.awaitEvent("CALL_CLOSED", WITHIN);
                bob.awaitEvent("CALL_CLOSED", WITHIN);

                assertThat(payloads).as("captured to Alice; see " + toAlice.log()).hasSizeGreaterThanOrEqualTo(40);
                for (byte[] p : payloads) {
                    assertThat(p).as("20 ms of PCMU and an 80-bit SRTP tag").hasSize(160 + 10);
                    // a 1000 Hz tone at 8 kHz repeats every 8 samples; in clear nearly every byte equals the 8th after it
                    assertThat(repeatsEvery8(p)).as("share of bytes repeating like a 1000 Hz tone").isLessThan(0.2);
                }
            }
            assertHeard(AudioAnalyser.measure(alice.awaitReceivedAudio(WITHIN)), 1000);
            assertHeard(AudioAnalyser.measure(bob.awaitReceivedAudio(WITHIN)), 440);
        }
    }

    @Test
    void anExtensionThatRequiresSrtpCallingOverUdpIsRefusedWith488() {
        BaresipAccount carolAccount = account(CAROL, Transport.UDP);
        try (Baresip carol = Baresip.start(work.resolve("carol"), List.of(carolAccount), server.certificate(), 600)) {
            await("registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> carol.isRegistered(carolAccount));
            carol.dial("sip:" + BOB.user() + "@" + DOMAIN);
            BaresipEvent closed = carol.awaitEvent("CALL_CLOSED", WITHIN);
            assertThat(closed.param()).as("the reason baresip reports").contains("488");
        }
    }

    /** The share of bytes equal to the byte 8 places later. */
    private static double repeatsEvery8(byte[] payload) {
        int same = 0;
        int pairs = 160 - 8;
        for (int i = 0; i < pairs; i++) {
            if (payload[i] == payload[i + 8]) {
                same++;
            }
        }
        return (double) same / pairs;
    }

    private static BaresipAccount account(Credentials user, Transport transport) {
        int port = transport == Transport.TLS ? server.ports().sips() : server.ports().sip();
        return new BaresipAccount(user, DOMAIN, transport, "127.0.0.1", port);
    }

    private static void assertHeard(AudioMeasurement heard, double frequencyHz) {
        assertThat(heard.isAudibleToneAt(frequencyHz)).as("heard %s Hz: %s", frequencyHz, heard.describe()).isTrue();
    }
}
