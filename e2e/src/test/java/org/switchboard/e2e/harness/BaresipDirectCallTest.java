package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Tone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baresip call driver, proven without a server: two phones on 127.0.0.1 call each other directly, each sending
 * its own tone from a WAV file and recording what it receives, so the call tests through Switchboard only swap the
 * dialled URI.
 */
class BaresipDirectCallTest {
    private static final Duration EVENT_WITHIN = Duration.ofSeconds(10);
    private static final Duration TALK = Duration.ofSeconds(3);
    private static final Duration TONE_LENGTH = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    private static BaresipAudio alicesTone;
    private static BaresipAudio bobsTone;

    @BeforeAll
    static void writeTones() {
        alicesTone = BaresipAudio.file(Tone.of(440, 8000, TONE_LENGTH).writeWav(work.resolve("440.wav")));
        bobsTone = BaresipAudio.file(Tone.of(1000, 8000, TONE_LENGTH).writeWav(work.resolve("1000.wav")));
    }

    @Test
    void eachPhoneHearsTheOthersToneBothWays(@TempDir Path dir) {
        try (Baresip alice = Baresip.startDirect(dir.resolve("alice"), "alice", AnswerMode.AUTO, alicesTone);
                Baresip bob = Baresip.startDirect(dir.resolve("bob"), "bob", AnswerMode.MANUAL, bobsTone)) {
            alice.dial(bob.uri());
            bob.awaitEvent("CALL_INCOMING", EVENT_WITHIN);
            alice.awaitEvent("CALL_RINGING", EVENT_WITHIN);
            bob.accept();
            assertThat(alice.awaitEvent("CALL_ESTABLISHED", EVENT_WITHIN).peerUri()).isEqualTo(bob.uri());
            bob.awaitEvent("CALL_ESTABLISHED", EVENT_WITHIN);
            alice.awaitReceivedAudioLength(TALK, EVENT_WITHIN.plus(TALK));
            bob.awaitReceivedAudioLength(TALK, EVENT_WITHIN.plus(TALK));

            alice.hangup();

            alice.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
            bob.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
            AudioMeasurement aliceHeard = AudioAnalyser.measure(alice.awaitReceivedAudio(EVENT_WITHIN));
            AudioMeasurement bobHeard = AudioAnalyser.measure(bob.awaitReceivedAudio(EVENT_WITHIN));
            assertHeard(aliceHeard, 1000);
            assertHeard(bobHeard, 440);
        }
    }

    @Test
    void hangingUpWhileItRingsCancelsTheCall(@TempDir Path dir) {
        try (Baresip alice = Baresip.startDirect(dir.resolve("alice"), "alice", AnswerMode.AUTO, alicesTone);
                Baresip bob = Baresip.startDirect(dir.resolve("bob"), "bob", AnswerMode.MANUAL, bobsTone)) {
            alice.dial(bob.uri());
            bob.awaitEvent("CALL_INCOMING", EVENT_WITHIN);
            alice.awaitEvent("CALL_RINGING", EVENT_WITHIN);

            alice.hangup();

            bob.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
            alice.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
            assertThat(alice.hasEvent("CALL_ESTABLISHED") || bob.hasEvent("CALL_ESTABLISHED")).isFalse();
        }
    }

    @Test
    void aCalleeThatRefusesClosesTheCallersCall(@TempDir Path dir) {
        try (Baresip alice = Baresip.startDirect(dir.resolve("alice"), "alice", AnswerMode.AUTO, alicesTone);
                Baresip bob = Baresip.startDirect(dir.resolve("bob"), "bob", AnswerMode.MANUAL, bobsTone)) {
            alice.dial(bob.uri());
            bob.awaitEvent("CALL_INCOMING", EVENT_WITHIN);

            bob.hangup();

            BaresipEvent closed = alice.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
            assertThat(closed.param()).as("the reason baresip reports").contains("486");
            assertThat(alice.hasEvent("CALL_ESTABLISHED")).isFalse();
        }
    }

    @Test
    void keysPressedArriveAsRfc4733EventsInOrder(@TempDir Path dir) {
        try (Baresip alice = Baresip.startDirect(dir.resolve("alice"), "alice", AnswerMode.AUTO, alicesTone);
                Baresip bob = Baresip.startDirect(dir.resolve("bob"), "bob", AnswerMode.AUTO, bobsTone)) {
            alice.dial(bob.uri());
            alice.awaitEvent("CALL_ESTABLISHED", EVENT_WITHIN);
            bob.awaitEvent("CALL_RTPESTAB", EVENT_WITHIN);

            alice.sendDigits("2468#");

            List<String> keys = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < 5; i++) {
                BaresipEvent key = bob.awaitEvent(e -> e.type().equals("CALL_DTMF_START"), from, EVENT_WITHIN)
                        .orElseThrow(() -> new AssertionError("bob got the keys " + keys + " only"));
                keys.add(key.param());
                from = bob.events().indexOf(key) + 1;
            }
            assertThat(keys).containsExactly("2", "4", "6", "8", "#");
            alice.hangup();
            bob.awaitEvent("CALL_CLOSED", EVENT_WITHIN);
        }
    }

    private static void assertHeard(AudioMeasurement heard, double frequencyHz) {
        assertThat(heard.isAudibleToneAt(frequencyHz)).as("heard %s Hz: %s", frequencyHz, heard.describe()).isTrue();
    }
}
