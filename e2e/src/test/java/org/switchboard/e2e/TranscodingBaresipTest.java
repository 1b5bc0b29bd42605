package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Tone;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transcoding with real phones (issue 4, item 1): baresip Alice speaks only G.722 ({@code audio_codecs=G722}, a
 * 440 Hz tone at 16 kHz), or only Opus (at 48 kHz), baresip Bob only PCMU (a 1000 Hz tone at 8 kHz). They share no
 * codec, which used to end in 488; now the server offers Bob PCMU beside Alice's codec, Bob answers PCMU, Alice is
 * answered in her own codec, and the server decodes each leg and encodes it for the other. Each recording of what a
 * phone received must hold the other's frequency above silence. (Opus needs the server's Opus: libopus, or the Java
 * port it falls back to, which is always there.)
 */
class TranscodingBaresipTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration TALK = Duration.ofSeconds(3);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Credentials ALICE = new Credentials("4601", "Alice-Wide-4601");
    private static final Credentials BOB = new Credentials("4602", "Bob-Pcmu-4602");

    @TempDir
    static Path work;
    private static SwitchboardProcess server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        server.cli().addExtension(ALICE, "Alice wideband");
        server.cli().addExtension(BOB, "Bob PCMU");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0} to PCMU")
    @CsvSource({"G722, 16000", "opus, 48000"})
    void aWidebandPhoneAndAPcmuOnlyPhoneHearEachOther(String codec, int rate) {
        BaresipAccount aliceAccount = account(ALICE).withAudioCodecs(codec);
        BaresipAccount bobAccount = account(BOB).withAudioCodecs("PCMU").withAnswerMode(AnswerMode.MANUAL);
        BaresipAudio tone440 = BaresipAudio.file(Tone.of(440, rate, Duration.ofSeconds(60))
                .writeWav(work.resolve("440-" + rate + ".wav")));
        BaresipAudio tone1000 = BaresipAudio.file(Tone.of(1000, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("1000-8000.wav")));
        Path dir = work.resolve(codec);
        try (Baresip alice = Baresip.start(dir.resolve("alice"), List.of(aliceAccount), server.certificate(), 600,
                tone440);
                Baresip bob = Baresip.start(dir.resolve("bob"), List.of(bobAccount), server.certificate(), 600,
                        tone1000)) {
            await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> alice.isRegistered(aliceAccount) && bob.isRegistered(bobAccount));

            alice.dial("sip:" + BOB.user() + "@" + DOMAIN);
            bob.awaitEvent("CALL_INCOMING", WITHIN);
            bob.accept();
            alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
            bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
            alice.awaitReceivedAudioLength(TALK, WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);

            AudioMeasurement aliceHeard = AudioAnalyser.measure(alice.awaitReceivedAudio(WITHIN));
            AudioMeasurement bobHeard = AudioAnalyser.measure(bob.awaitReceivedAudio(WITHIN));
            System.out.printf("transcoded: Alice (%s) heard %s; Bob (PCMU) heard %s%n", codec, aliceHeard.describe(),
                    bobHeard.describe());
            assertThat(aliceHeard.isAudibleToneAt(1000)).as("Alice heard Bob: %s", aliceHeard.describe()).isTrue();
            assertThat(bobHeard.isAudibleToneAt(440)).as("Bob heard Alice: %s", bobHeard.describe()).isTrue();
            assertAnswered();
        }
    }

    /** The call's record: answered, not the 488 of two phones without a common codec. */
    private static void assertAnswered() {
        await("the completed record").atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ProcessResult cdr = server.cli().run("cdr", "--json", "--limit", "1");
            assertThat(cdr.exitCode()).as(cdr.describe()).isZero();
            JsonNode record = JSON.readTree(cdr.stdout()).get(0);
            assertThat(record.get("caller").asString()).isEqualTo(ALICE.user());
            assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
            assertThat(record.get("billableSeconds").asLong()).isGreaterThanOrEqualTo(TALK.toSeconds());
        });
    }

    private static BaresipAccount account(Credentials user) {
        return new BaresipAccount(user, DOMAIN, Transport.UDP, "127.0.0.1", server.ports().sip());
    }
}
