package org.switchboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.Tone;
import org.switchboard.e2e.harness.audio.WavFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hold and music on hold with real phones (issue 4, item 4): baresip Alice (a 440 Hz tone) calls baresip Bob, holds
 * the call with baresip's {@code hold} command (a re-INVITE with {@code a=sendonly}), and Bob hears the bundled music
 * instead of silence: a level far above silence whose dominant frequency is one of the music's notes (C, D, E, G or B,
 * see {@code scripts/make-moh.sh}), not Alice's 440 Hz. Alice resumes and Bob hears her tone again.
 */
class HoldMusicTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration TALK = Duration.ofSeconds(3);
    private static final Duration HOLD = Duration.ofSeconds(5);
    private static final Duration AFTER_RESUME = Duration.ofSeconds(4);
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    /** The music's notes as semitones above A (B, C, D, E, G): none is A, the 440 Hz of Alice's tone. */
    private static final Set<Integer> MUSIC_PITCH_CLASSES = Set.of(2, 3, 5, 7, 10);
    private static final Credentials ALICE = new Credentials("4501", "Alice-Hold-4501");
    private static final Credentials BOB = new Credentials("4502", "Bob-Hold-4502");

    @TempDir
    static Path work;
    private static SwitchboardProcess server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        server.cli().addExtension(ALICE, "Alice Hold");
        server.cli().addExtension(BOB, "Bob Hold");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theHeldPartyHearsMusicThenTheCallerAgainAfterResume() {
        BaresipAccount aliceAccount = account(ALICE);
        BaresipAccount bobAccount = account(BOB).withAnswerMode(AnswerMode.MANUAL);
        BaresipAudio tone440 = BaresipAudio.file(Tone.of(440, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("440.wav")));
        BaresipAudio tone1000 = BaresipAudio.file(Tone.of(1000, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("1000.wav")));
        try (Baresip alice = Baresip.start(work.resolve("alice"), List.of(aliceAccount), server.certificate(), 600,
                tone440);
                Baresip bob = Baresip.start(work.resolve("bob"), List.of(bobAccount), server.certificate(), 600,
                        tone1000)) {
            await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> alice.isRegistered(aliceAccount) && bob.isRegistered(bobAccount));
            alice.dial("sip:" + BOB.user() + "@" + DOMAIN);
            bob.awaitEvent("CALL_INCOMING", WITHIN);
            bob.accept();
            alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);

            Duration held = recordedLength(bob);
            alice.command("hold", null);
            bob.awaitReceivedAudioLength(held.plus(HOLD), WITHIN);
            Duration resumed = recordedLength(bob);
            alice.command("resume", null);
            bob.awaitReceivedAudioLength(resumed.plus(AFTER_RESUME), WITHIN);
            alice.hangup();
            bob.awaitEvent("CALL_CLOSED", WITHIN);

            Pcm16 heard = WavFile.read(bob.awaitReceivedAudio(WITHIN));
            AudioMeasurement before = AudioAnalyser.measure(slice(heard, Duration.ZERO, held));
            AudioMeasurement music = AudioAnalyser.measure(slice(heard, held.plusMillis(1000), resumed));
            AudioMeasurement after = AudioAnalyser.measure(slice(heard, resumed.plusMillis(500), heard.duration()));
            Switch toMusic = firstMusic(heard, held.minusSeconds(1), resumed);
            Duration toneBack = firstTone(heard, resumed.minusSeconds(1));
            System.out.printf("hold: before %s; on hold %s; music from %d ms after the hold command (by the recording's"
                    + " length then) with %d ms of silence after the tone; the tone back %d ms after resume; after"
                    + " resume %s%n", before.describe(), music.describe(), toMusic.start().minus(held).toMillis(),
                    toMusic.silence().toMillis(), toneBack.minus(resumed).toMillis(), after.describe());

            assertThat(before.isAudibleToneAt(440)).as("before the hold: %s", before.describe()).isTrue();
            assertThat(music.rmsDbfs()).as("on hold, far above silence: %s", music.describe()).isGreaterThan(-35);
            assertThat(music.steadyLength()).as("music for the whole hold: %s", music.describe())
                    .isGreaterThan(HOLD.minusMillis(1500));
            assertThat(Math.abs(music.dominantHz() - 440)).as("not Alice's tone: %s", music.describe())
                    .isGreaterThan(10.0);
            assertThat(pitchClass(music.dominantHz())).as("a note of the music: %s", music.describe())
                    .isIn(MUSIC_PITCH_CLASSES);
            assertThat(toMusic.silence()).as("the held party hears music at once").isLessThan(Duration.ofMillis(200));
            assertThat(after.isAudibleToneAt(440)).as("after resume: %s", after.describe()).isTrue();
        }
    }

    /** The semitones above A of the nearest equal-tempered note, 0..11; -1 when the frequency is between two notes. */
    private static int pitchClass(double hz) {
        double semitones = 12 * Math.log(hz / 440) / Math.log(2);
        long nearest = Math.round(semitones);
        return Math.abs(semitones - nearest) > 0.3 ? -1 : (int) Math.floorMod(nearest, 12);
    }

    /** Where the music starts in a recording, and how much silence came between the tone and it. */
    private record Switch(Duration start, Duration silence) {
    }

    /**
     * The first 100 ms of music (neither silence nor Alice's tone) between {@code from} and {@code to}, and the
     * silence between the last 20 ms frame of the tone and it.
     */
    private static Switch firstMusic(Pcm16 pcm, Duration from, Duration to) {
        int frame = pcm.sampleRate() / 50;
        int start = (int) Math.max(0, from.toMillis() * pcm.sampleRate() / 1000);
        int end = (int) Math.min(pcm.length(), to.toMillis() * pcm.sampleRate() / 1000);
        int toneEnd = start;
        int inARow = 0;
        for (int f = start; f + frame <= end; f += frame) {
            boolean heard = levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS;
            if (heard && AudioAnalyser.toneShare(pcm, f, frame, 440) > 0.5) {
                toneEnd = f + frame;
                inARow = 0;
            } else {
                inARow = heard ? inARow + 1 : 0;
                if (inARow == 5) {
                    int music = f - 4 * frame;
                    return new Switch(millis(music, pcm), millis(Math.max(0, music - toneEnd), pcm));
                }
            }
        }
        throw new AssertionError("no music in the recording between " + from.toMillis() + " and " + to.toMillis()
                + " ms");
    }

    /** The start of the first 100 ms of Alice's tone from {@code from} on. */
    private static Duration firstTone(Pcm16 pcm, Duration from) {
        int frame = pcm.sampleRate() / 50;
        int inARow = 0;
        for (int f = (int) (from.toMillis() * pcm.sampleRate() / 1000); f + frame <= pcm.length(); f += frame) {
            inARow = AudioAnalyser.toneShare(pcm, f, frame, 440) > 0.5 && levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS ? inARow + 1
                    : 0;
            if (inARow == 5) {
                return millis(f - 4 * frame, pcm);
            }
        }
        throw new AssertionError("Alice's tone never came back after " + from.toMillis() + " ms");
    }

    private static Duration millis(int samples, Pcm16 pcm) {
        return Duration.ofMillis(samples * 1000L / pcm.sampleRate());
    }

    private static double levelDbfs(Pcm16 pcm, int from, int length) {
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            energy += pcm.normalised(i) * pcm.normalised(i);
        }
        return 10 * Math.log10(energy / length);
    }

    private static Pcm16 slice(Pcm16 pcm, Duration from, Duration to) {
        int a = (int) Math.min(pcm.length(), from.toMillis() * pcm.sampleRate() / 1000);
        int b = (int) Math.min(pcm.length(), to.toMillis() * pcm.sampleRate() / 1000);
        return pcm.slice(a, Math.max(a, b));
    }

    /** How much received audio the phone's current recording holds (16-bit PCM after a 44-byte header). */
    private static Duration recordedLength(Baresip phone) {
        Path file = phone.receivedAudioFiles().getLast();
        try {
            WavFile.Format format = WavFile.format(file);
            long bytes = Math.max(0, Files.size(file) - 44);
            return Duration.ofMillis(bytes * 1000 / (2L * format.channels() * format.sampleRate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static BaresipAccount account(Credentials user) {
        return new BaresipAccount(user, DOMAIN, Transport.UDP, "127.0.0.1", server.ports().sip());
    }
}
