package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.Linphonec;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardCli;
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
 * Two softphones registered to Switchboard call each other and hear each other (issue 3, item 6): each sends its own
 * tone (Alice 440 Hz, Bob 1000 Hz) and the recording of what each received must hold the other's frequency above
 * silence, over UDP, TCP and TLS, through the anchored media relay. linphonec calls baresip the same way.
 */
class CallBaresipTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TALK = Duration.ofSeconds(3);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static BaresipAudio tone440;
    private static BaresipAudio tone1000;
    private static Path linphoneTone;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        for (Transport t : Transport.values()) {
            cli.addExtension(alice(t), "Alice " + t);
            cli.addExtension(bob(t), "Bob " + t);
        }
        cli.addExtension(linphoneUser(), "Linphone");
        tone440 = BaresipAudio.file(Tone.of(440, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("440.wav")));
        tone1000 = BaresipAudio.file(Tone.of(1000, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("1000.wav")));
        linphoneTone = Tone.of(440, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("linphone-440.wav"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void twoBaresipPhonesCallEachOtherAndHearEachOther(Transport transport) {
        BaresipAccount aliceAccount = account(alice(transport), transport);
        BaresipAccount bobAccount = account(bob(transport), transport).withAnswerMode(AnswerMode.MANUAL);
        Path dir = work.resolve("baresip-" + transport);
        // Closed (and un-registered) before the server stops.
        try (Baresip alice = Baresip.start(dir.resolve("alice"), List.of(aliceAccount),
                server.certificate(), 600, tone440);
                Baresip bob = Baresip.start(dir.resolve("bob"), List.of(bobAccount), server.certificate(),
                        600, tone1000)) {
            await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> alice.isRegistered(aliceAccount) && bob.isRegistered(bobAccount));

            alice.dial("sip:" + bob(transport).user() + "@" + DOMAIN);

            bob.awaitEvent("CALL_INCOMING", WITHIN);
            alice.awaitEvent("CALL_RINGING", WITHIN);
            bob.accept();
            alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
            bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
            alice.awaitReceivedAudioLength(TALK, WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);
            assertMediaFigures(alice(transport));
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);

            assertHeard(AudioAnalyser.measure(alice.awaitReceivedAudio(WITHIN)), 1000);
            assertHeard(AudioAnalyser.measure(bob.awaitReceivedAudio(WITHIN)), 440);
            assertRecorded(alice(transport), bob(transport));
        }
    }

    /**
     * During the call, {@code calls --json} shows each leg's media: packets from both phones, relayed,
     * none lost on loopback, and a jitter figure (the B2BUA told the relay the codec's clock rate).
     */
    private static void assertMediaFigures(Credentials caller) {
        ProcessResult calls = cli.run("calls", "--json");
        assertThat(calls.exitCode()).as(calls.describe()).isZero();
        JsonNode call = null;
        for (JsonNode c : JSON.readTree(calls.stdout())) {
            if (c.get("caller").asString().equals(caller.user())) call = c;
        }
        assertThat(call).as(calls.stdout()).isNotNull();
        assertThat(call.get("legs")).hasSize(2).allSatisfy(leg -> {
            JsonNode media = leg.get("media");
            assertThat(media.isObject()).as("%s", leg).isTrue();
            assertThat(media.get("mode").asString()).isEqualTo("relayed");
            assertThat(media.get("packetsIn").asLong()).as("%s", leg).isPositive();
            assertThat(media.get("packetsOut").asLong()).as("%s", leg).isPositive();
            assertThat(media.get("packetsLost").asLong()).as("%s", leg).isZero();
            assertThat(media.get("jitterMs").isNumber()).as("%s", leg).isTrue();
        });
    }

    /** The call's record, completed: answered, talked for a few seconds, the caller hung up. */
    private static void assertRecorded(Credentials caller, Credentials callee) {
        await("the completed record").atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ProcessResult cdr = cli.run("cdr", "--json", "--limit", "1");
            assertThat(cdr.exitCode()).as(cdr.describe()).isZero();
            JsonNode record = JSON.readTree(cdr.stdout()).get(0);
            assertThat(record.get("caller").asString()).isEqualTo(caller.user());
            assertThat(record.get("callee").asString()).isEqualTo(callee.user());
            assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
            assertThat(record.get("hangupSide").asString()).isEqualTo("CALLER");
            assertThat(record.get("billableSeconds").asLong()).isGreaterThanOrEqualTo(TALK.toSeconds());
        });
    }

    @Test
    void linphonecCallsBaresipAndBothHearTheOther() {
        BaresipAccount bobAccount = account(bob(Transport.UDP), Transport.UDP);
        Path recording = work.resolve("linphone-heard.wav");
        try (Baresip bob = Baresip.start(work.resolve("baresip-for-linphone"), List.of(bobAccount),
                server.certificate(), 600, tone1000);
                Linphonec linphone = Linphonec.start(work.resolve("linphone-home"))) {
            linphone.register(linphoneUser(), DOMAIN, "127.0.0.1", server.ports().sip());
            await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> linphone.isRegistered() && bob.isRegistered(bobAccount));
            linphone.play(linphoneTone);
            linphone.record(recording);

            linphone.call("sip:" + bob(Transport.UDP).user() + "@" + DOMAIN);

            bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
            linphone.awaitOutput("Media streams established", WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);
            linphone.terminate();
            bob.awaitEvent("CALL_CLOSED", WITHIN);
            linphone.awaitOutput("ended", WITHIN);

            assertHeard(AudioAnalyser.measure(bob.awaitReceivedAudio(WITHIN)), 440);
            assertHeard(AudioAnalyser.measure(linphone.awaitRecording(recording, WITHIN)), 1000);
        }
    }

    private static Credentials alice(Transport t) {
        int number = 4001 + 10 * t.ordinal();
        return new Credentials(Integer.toString(number), "Alice-Pass-" + number);
    }

    private static Credentials bob(Transport t) {
        int number = 4002 + 10 * t.ordinal();
        return new Credentials(Integer.toString(number), "Bob-Pass-" + number);
    }

    private static Credentials linphoneUser() {
        return new Credentials("4091", "Linphone-Pass-4091");
    }

    private static BaresipAccount account(Credentials user, Transport transport) {
        int port = transport == Transport.TLS ? server.ports().sips() : server.ports().sip();
        return new BaresipAccount(user, DOMAIN, transport, "127.0.0.1", port);
    }

    private static void assertHeard(AudioMeasurement heard, double frequencyHz) {
        assertThat(heard.isAudibleToneAt(frequencyHz)).as("heard %s Hz: %s", frequencyHz, heard.describe()).isTrue();
    }
}
