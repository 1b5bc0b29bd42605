package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Tone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linphonec call driver, proven without a server: linphonec and baresip call each other directly on 127.0.0.1,
 * each way round, each sending its own tone and recording the other's.
 */
class LinphonecDirectCallTest {
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Duration TALK = Duration.ofSeconds(3);

    @TempDir
    static Path work;
    private static Path linphoneTone;
    private static BaresipAudio baresipTone;

    @BeforeAll
    static void writeTones() {
        linphoneTone = Tone.of(440, 8000, Duration.ofSeconds(60)).writeWav(work.resolve("440.wav"));
        baresipTone = BaresipAudio.file(Tone.of(1000, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("1000.wav")));
    }

    @Test
    void linphonecCallsBaresipAndBothHearTheOther(@TempDir Path dir) {
        Path recording = dir.resolve("linphone-heard.wav");
        try (Baresip bob = Baresip.startDirect(dir.resolve("bob"), "bob", AnswerMode.AUTO, baresipTone);
                Linphonec linphone = Linphonec.start(dir.resolve("linphone"))) {
            linphone.play(linphoneTone);
            linphone.record(recording);

            linphone.call(bob.uri());

            linphone.awaitOutput("Media streams established", WITHIN);
            bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);
            linphone.terminate();
            linphone.awaitOutput("ended", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);
            assertHeard(AudioAnalyser.measure(linphone.awaitRecording(recording, WITHIN)), 1000);
            assertHeard(AudioAnalyser.measure(bob.awaitReceivedAudio(WITHIN)), 440);
        }
    }

    @Test
    void baresipCallsLinphonecWhichAnswersByItself(@TempDir Path dir) {
        Path recording = dir.resolve("linphone-heard.wav");
        try (Baresip alice = Baresip.startDirect(dir.resolve("alice"), "alice", AnswerMode.AUTO, baresipTone);
                Linphonec linphone = Linphonec.start(dir.resolve("linphone"))) {
            linphone.play(linphoneTone);
            linphone.record(recording);
            linphone.autoAnswer(true);
            linphone.awaitOutput("Auto answer enabled", WITHIN);

            alice.dial(linphone.uri());

            alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
            linphone.awaitOutput("Receiving new incoming call", WITHIN);
            alice.awaitReceivedAudioLength(TALK, WITHIN);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WITHIN);
            linphone.awaitOutput("ended", WITHIN);
            assertHeard(AudioAnalyser.measure(alice.awaitReceivedAudio(WITHIN)), 440);
            assertHeard(AudioAnalyser.measure(linphone.awaitRecording(recording, WITHIN)), 1000);
        }
    }

    private static void assertHeard(AudioMeasurement heard, double frequencyHz) {
        assertThat(heard.isAudibleToneAt(frequencyHz)).as("heard %s Hz: %s", frequencyHz, heard.describe()).isTrue();
    }
}
