package org.switchboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.CdrRecord;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.ListedRecording;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import org.switchboard.e2e.harness.audio.AudioAnalyser;
import org.switchboard.e2e.harness.audio.AudioMeasurement;
import org.switchboard.e2e.harness.audio.AudioScan;
import org.switchboard.e2e.harness.audio.AudioScan.Span;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.StereoWav;
import org.switchboard.e2e.harness.audio.Tone;
import org.switchboard.e2e.harness.audio.WavFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Call recording with real phones (issue 4, call recording): baresip phones send tones (the caller 440 Hz, the callee
 * 1000 Hz), the server records by the extensions' policies, and the CLI lists and exports what it recorded.
 *
 * <ul>
 *   <li>{@code always}: the call is recorded from the answer, one stereo WAV (caller left, callee right) indexed with
 *       the call's record, lasting as long as the call was connected; both phones first hear "this call may be
 *       recorded" (the prompt {@code call-recorded}, 1.6 s), then each other.</li>
 *   <li>{@code on-demand}: nothing is recorded until the caller presses {@code *1} (RFC 4733 telephone-events); the
 *       recording then runs from the key press to the hang-up, not the whole call.</li>
 *   <li>{@code never} (the default): no recording, no announcement.</li>
 * </ul>
 * Every wait is on the call's audio or the server's outputs, never on timers.
 */
class CallRecordingTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration TALK = Duration.ofSeconds(4);
    private static final Duration BEFORE_KEYS = Duration.ofSeconds(2);
    private static final Duration RECORDED_ON_DEMAND = Duration.ofSeconds(3);
    /** How far a recording's length may be from the time it should cover. */
    private static final Duration LENGTH_TOLERANCE = Duration.ofMillis(500);
    /** The shortest run of a tone that counts as the other party heard (not a burst). */
    private static final Duration TONE_RUN = Duration.ofMillis(500);
    /** The prompt {@code call-recorded} lasts 1.64 s: an announcement shorter than this was cut. */
    private static final Duration ANNOUNCEMENT_AT_LEAST = Duration.ofMillis(1200);
    /** "About 2 s": longer than this, the phones were left without each other too long. */
    private static final Duration ANNOUNCEMENT_AT_MOST = Duration.ofMillis(3000);
    private static final double CALLER_HZ = 440;
    private static final double CALLEE_HZ = 1000;
    private static final String DOMAIN = SwitchboardProcess.DOMAIN;
    private static final Credentials ALICE = new Credentials("4801", "Alice-Rec-4801");
    private static final Credentials BOB = new Credentials("4802", "Bob-Always-4802");
    private static final Credentials CAROL = new Credentials("4803", "Carol-OnDemand-4803");
    private static final Credentials DAVE = new Credentials("4804", "Dave-Rec-4804");
    private static final Credentials ERIN = new Credentials("4805", "Erin-Never-4805");
    private static final Credentials FRANK = new Credentials("4806", "Frank-Never-4806");

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static BaresipAudio callerTone;
    private static BaresipAudio calleeTone;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        for (Credentials user : List.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK)) {
            cli.addExtension(user, "User " + user.user());
        }
        check(cli.runInThisJvm("extension", "set", BOB.user(), "--recording", "always"));
        check(cli.runInThisJvm("extension", "set", CAROL.user(), "--recording", "on-demand"));
        callerTone = BaresipAudio.file(Tone.of(CALLER_HZ, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("caller.wav")));
        calleeTone = BaresipAudio.file(Tone.of(CALLEE_HZ, 8000, Duration.ofSeconds(60))
                .writeWav(work.resolve("callee.wav")));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aCallToAnAlwaysExtensionIsAnnouncedAndRecordedInStereoFromTheAnswer() {
        try (Baresip alice = phone("alice", ALICE, callerTone); Baresip bob = phone("bob", BOB, calleeTone)) {
            connect(alice, ALICE, bob, BOB);
            alice.awaitReceivedAudioLength(TALK, WITHIN);
            bob.awaitReceivedAudioLength(TALK, WITHIN);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);
            Pcm16 aliceHeard = WavFile.read(alice.awaitReceivedAudio(WITHIN));
            Pcm16 bobHeard = WavFile.read(bob.awaitReceivedAudio(WITHIN));

            CdrRecord call = awaitEnded(ALICE);
            ListedRecording recording = awaitRecordings(call, 1).getFirst();
            Path exported = export(recording, "always.wav");
            StereoWav wav = StereoWav.read(exported);
            AudioMeasurement left = AudioAnalyser.measure(wav.left());
            AudioMeasurement right = AudioAnalyser.measure(wav.right());
            Announcement bobAnnounced = announcement(bobHeard, CALLER_HZ);
            Announcement aliceAnnounced = announcement(aliceHeard, CALLEE_HZ);
            System.out.printf("always: call %s connected %d ms; recording %s %d ms (%s), left %s, right %s; Bob heard"
                    + " %s; Alice heard %s%n", call.id(), call.answeredDuration().toMillis(), recording.id(),
                    wav.duration().toMillis(), recording.trigger(), left.describe(), right.describe(),
                    bobAnnounced.describe(), aliceAnnounced.describe());

            assertThat(call.recordingIds()).as("cdr --json names the recording").containsExactly(recording.id());
            assertThat(recording.trigger()).isEqualTo("always");
            assertThat(recording.startedBy()).isEqualTo(BOB.user());
            assertThat(recording.caller()).isEqualTo(ALICE.user());
            assertThat(recording.callee()).isEqualTo(BOB.user());
            assertThat(WavFile.format(exported).channels()).as("a stereo file").isEqualTo(2);
            assertThat(left.isAudibleToneAt(CALLER_HZ)).as("the caller on the left: %s", left.describe()).isTrue();
            assertThat(right.isAudibleToneAt(CALLEE_HZ)).as("the callee on the right: %s", right.describe()).isTrue();
            assertThat(wav.duration()).as("recorded from the answer to the end")
                    .isBetween(call.answeredDuration().minus(LENGTH_TOLERANCE),
                            call.answeredDuration().plus(LENGTH_TOLERANCE));
            bobAnnounced.assertAnnouncedThenHeard("Bob", CALLER_HZ, bob);
            aliceAnnounced.assertAnnouncedThenHeard("Alice", CALLEE_HZ, alice);
        }
    }

    @Test
    void anOnDemandExtensionRecordsFromStarOneToTheEndOnly() {
        try (Baresip carol = phone("carol", CAROL, callerTone); Baresip dave = phone("dave", DAVE, calleeTone)) {
            int daveMark = connect(carol, CAROL, dave, DAVE);
            dave.awaitReceivedAudioLength(BEFORE_KEYS, WITHIN);
            CdrRecord live = await("Carol's call in cdr").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                    .until(() -> CdrRecord.latestFrom(cli, CAROL.user()), Optional::isPresent).orElseThrow();

            Pcm16 beforeKeys = dave.receivedAudio(daveMark);
            Duration carolPressed = carol.receivedAudio(0).duration(); // a fresh phone: its first call
            carol.sendDigits("*1");
            Duration pressed = beforeKeys.duration();
            Duration announced = dave.awaitHeard(daveMark, "the announcement after *1",
                    pcm -> otherSound(pcm, CALLER_HZ, pressed), WITHIN);
            dave.awaitReceivedAudioLength(announced.plus(RECORDED_ON_DEMAND), WITHIN);
            carol.hangup();
            carol.awaitEvent("CALL_CLOSED", WITHIN);
            dave.awaitEvent("CALL_CLOSED", WITHIN);
            Pcm16 daveHeard = WavFile.read(dave.awaitReceivedAudio(WITHIN));
            Pcm16 carolHeard = WavFile.read(carol.awaitReceivedAudio(WITHIN));

            CdrRecord call = awaitEnded(CAROL);
            ListedRecording recording = awaitRecordings(call, 1).getFirst();
            StereoWav wav = StereoWav.read(export(recording, "on-demand.wav"));
            Announcement daveAnnounced = announcementAfter(daveHeard, CALLER_HZ, pressed);
            Announcement carolAnnounced = announcementAfter(carolHeard, CALLEE_HZ, carolPressed);
            System.out.printf("on demand: call %s connected %d ms; *1 pressed at %d ms of Dave's audio, the prompt"
                    + " from %d ms; recording %s %d ms (started %d ms after the answer); Dave then heard %s; Carol then heard %s%n",
                    call.id(), call.answeredDuration().toMillis(), pressed.toMillis(), announced.toMillis(),
                    recording.id(), wav.duration().toMillis(),
                    Duration.between(call.answeredAt().orElseThrow(), recording.startedAt()).toMillis(),
                    daveAnnounced.describe(), carolAnnounced.describe());

            assertThat(live.id()).isEqualTo(call.id());
            assertThat(otherSound(beforeKeys, CALLER_HZ, Duration.ZERO)).as("no announcement before *1").isEmpty();
            assertThat(recording.startedAt()).as("not recorded before *1")
                    .isAfter(call.answeredAt().orElseThrow().plus(BEFORE_KEYS));
            assertThat(recording.trigger()).isEqualTo("on-demand");
            assertThat(recording.startedBy()).isEqualTo(CAROL.user());
            assertThat(call.recordingIds()).containsExactly(recording.id());
            assertThat(wav.duration()).as("from *1 to the hang-up, not the whole call")
                    .isBetween(RECORDED_ON_DEMAND.minus(LENGTH_TOLERANCE), RECORDED_ON_DEMAND.plus(LENGTH_TOLERANCE))
                    .isLessThan(call.answeredDuration().minus(BEFORE_KEYS));
            assertThat(AudioAnalyser.measure(wav.left()).dominantHz()).as("Carol on the left")
                    .isCloseTo(CALLER_HZ, within(AudioMeasurement.TONE_TOLERANCE_HZ));
            assertThat(AudioAnalyser.measure(wav.right()).dominantHz()).as("Dave on the right")
                    .isCloseTo(CALLEE_HZ, within(AudioMeasurement.TONE_TOLERANCE_HZ));
            daveAnnounced.assertAnnouncedThenHeard("Dave", CALLER_HZ, dave);
            carolAnnounced.assertAnnouncedThenHeard("Carol", CALLEE_HZ, carol);
        }
    }

    @Test
    void aCallBetweenTwoNeverExtensionsLeavesNoRecording() {
        try (Baresip erin = phone("erin", ERIN, callerTone); Baresip frank = phone("frank", FRANK, calleeTone)) {
            connect(erin, ERIN, frank, FRANK);
            frank.awaitReceivedAudioLength(BEFORE_KEYS, WITHIN);
            erin.hangup();
            erin.awaitEvent("CALL_CLOSED", WITHIN);
            frank.awaitEvent("CALL_CLOSED", WITHIN);
            Pcm16 frankHeard = WavFile.read(frank.awaitReceivedAudio(WITHIN));

            CdrRecord call = awaitEnded(ERIN);
            assertThat(call.disposition()).isEqualTo("ANSWERED");
            assertThat(call.recordingIds()).isEmpty();
            // What the hang-up would have stored is stored within a few hundred ms (see the other tests): none comes.
            await("no recording for call " + call.id()).during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ListedRecording.list(cli, "--call", call.id()).isEmpty());
            assertThat(otherSound(frankHeard, CALLER_HZ, Duration.ZERO)).as("no announcement: Frank heard Erin at once")
                    .isEmpty();
        }
    }

    /**
     * Where a prompt ends and the other party's tone starts in what a phone heard, and how much of the stretch before
     * is sound that is not the tone.
     */
    private record Announcement(Span span, Duration sound, double toneShare, AudioMeasurement after) {
        String describe() {
            return "%s of announcement (%d ms of sound, tone share %.2f), then %s".formatted(span.describe(),
                    sound.toMillis(), toneShare, after.describe());
        }

        /**
         * The phone heard the announcement, then the other party. On failure, names how many packets baresip dropped
         * as arriving too late: baresip 1.0.0's jitter buffer drops a new stream whose sequence numbers are behind
         * those of the stream it replaces (RFC 3550 section 5.1 lets a new SSRC start anywhere).
         */
        void assertAnnouncedThenHeard(String who, double hz, Baresip phone) {
            String late = lateDrops(phone);
            assertThat(span.length()).as("%s heard about 2 s of announcement first: %s%s", who, describe(), late)
                    .isBetween(ANNOUNCEMENT_AT_LEAST, ANNOUNCEMENT_AT_MOST);
            assertThat(sound).as("%s heard speech, not silence: %s%s", who, describe(), late)
                    .isGreaterThan(ANNOUNCEMENT_AT_LEAST.minusMillis(300));
            assertThat(toneShare).as("%s heard the prompt, not the other party: %s%s", who, describe(), late)
                    .isLessThan(0.2);
            // Not isAudibleToneAt: after an on-demand announcement the call may go on for less than its 2 s.
            assertThat(after.dominantHz()).as("%s heard the other party after it: %s", who, describe())
                    .isCloseTo(hz, within(AudioMeasurement.TONE_TOLERANCE_HZ));
            assertThat(after.rmsDbfs()).as("%s heard the other party loud: %s", who, describe())
                    .isGreaterThan(AudioMeasurement.AUDIBLE_DBFS);
            assertThat(after.steadyLength()).as("%s heard the other party to the end: %s", who, describe())
                    .isGreaterThanOrEqualTo(TONE_RUN);
        }
    }

    /** "; baresip dropped N RTP packets as too late (see LOG)", or nothing when it dropped none. */
    private static String lateDrops(Baresip phone) {
        try (Stream<String> lines = Files.lines(phone.log(), StandardCharsets.UTF_8)) {
            long dropped = lines.filter(l -> l.contains("dropping") && l.contains("(Connection timed out)")).count();
            return dropped == 0 ? "" : "; baresip dropped " + dropped + " RTP packets as too late (see " + phone.log()
                    + ")";
        } catch (IOException | UncheckedIOException e) {
            return "; baresip's log unreadable: " + e.getMessage();
        }
    }

    /** The announcement in {@code heard}: from its first sound to the first run of the other party's tone. */
    private static Announcement announcement(Pcm16 heard, double hz) {
        Duration first = AudioScan.firstSound(heard, Duration.ZERO).orElseThrow(() -> new AssertionError(
                "silence only: " + AudioAnalyser.measure(heard).describe()));
        Duration tone = toneRun(heard, hz, first).orElseThrow(() -> new AssertionError("never the tone at " + hz
                + " Hz after " + first.toMillis() + " ms: " + AudioAnalyser.measure(heard).describe()));
        Span span = new Span(first, tone);
        int from = sample(heard, first);
        int length = Math.max(1, sample(heard, tone) - from);
        return new Announcement(span, AudioScan.soundWithin(heard, span),
                AudioAnalyser.toneShare(heard, from, length, hz),
                AudioAnalyser.measure(heard.slice(sample(heard, tone), heard.length())));
    }

    /**
     * The announcement in what a phone heard after {@code from}: the other party's tone goes on until the server has
     * the whole code, so it starts at the first sound that is not that tone.
     */
    private static Announcement announcementAfter(Pcm16 heard, double hz, Duration from) {
        Duration start = otherSound(heard, hz, from).orElseThrow(() -> new AssertionError("nothing but the tone at "
                + hz + " Hz after " + from.toMillis() + " ms: " + AudioAnalyser.measure(heard).describe()));
        return announcement(heard.slice(sample(heard, start), heard.length()), hz);
    }

    /** Where the first run of {@link #TONE_RUN} of the tone {@code hz} starts at or after {@code from}. */
    private static Optional<Duration> toneRun(Pcm16 pcm, double hz, Duration from) {
        return firstRun(pcm, from, (at, frame) -> AudioScan.levelDbfs(pcm, at, frame) > AudioAnalyser.SILENCE_DBFS
                && AudioAnalyser.toneShare(pcm, at, frame, hz) >= AudioScan.TONE_SHARE, TONE_RUN);
    }

    /** Where the first 100 ms of sound that is not the tone {@code hz} start at or after {@code from}. */
    private static Optional<Duration> otherSound(Pcm16 pcm, double hz, Duration from) {
        return firstRun(pcm, from, (at, frame) -> AudioScan.levelDbfs(pcm, at, frame) > AudioAnalyser.SILENCE_DBFS
                && AudioAnalyser.toneShare(pcm, at, frame, hz) < 0.5, Duration.ofMillis(100));
    }

    private interface FrameTest {
        boolean matches(int at, int frame);
    }

    /** The start of the first run of 20 ms frames that pass {@code test}, lasting {@code length}; it may reach the end. */
    private static Optional<Duration> firstRun(Pcm16 pcm, Duration from, FrameTest test, Duration length) {
        int frame = pcm.sampleRate() / 50;
        int needed = (int) (length.toMillis() / 20);
        int inARow = 0;
        for (int at = sample(pcm, from); at + frame <= pcm.length(); at += frame) {
            inARow = test.matches(at, frame) ? inARow + 1 : 0;
            if (inARow == needed) {
                return Optional.of(Duration.ofMillis((at - (needed - 1) * frame) * 1000L / pcm.sampleRate()));
            }
        }
        return Optional.empty();
    }

    private static int sample(Pcm16 pcm, Duration at) {
        return (int) Math.min(pcm.length(), at.toMillis() * pcm.sampleRate() / 1000);
    }

    /**
     * Waits until both phones are registered, dials, waits until both are connected; returns the callee's audio mark
     * for the call ({@link Baresip#receivedAudio(int)}).
     */
    private static int connect(Baresip caller, Credentials callerUser, Baresip callee, Credentials calleeUser) {
        await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> caller.isRegistered(account(callerUser)) && callee.isRegistered(account(calleeUser)));
        int mark = callee.receivedAudioMark();
        caller.dial("sip:" + calleeUser.user() + "@" + DOMAIN);
        caller.awaitEvent("CALL_ESTABLISHED", WITHIN);
        callee.awaitEvent("CALL_ESTABLISHED", WITHIN);
        return mark;
    }

    /** The record of {@code caller}'s latest call, once it has ended. */
    private static CdrRecord awaitEnded(Credentials caller) {
        return await("the completed record of " + caller.user() + "'s call").atMost(WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> CdrRecord.latestFrom(cli, caller.user()), r -> r.isPresent() && r.get().ended())
                .orElseThrow();
    }

    /** The recordings of {@code call} once there are {@code count} (stored after the hang-up, on another thread). */
    private static List<ListedRecording> awaitRecordings(CdrRecord call, int count) {
        List<ListedRecording> recordings = await("recordings of call " + call.id()).atMost(WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> ListedRecording.list(cli, "--call", call.id()), r -> r.size() >= count);
        assertThat(recordings).as("exactly %d recording(s) of call %s", count, call.id()).hasSize(count);
        assertThat(recordings).allSatisfy(r -> assertThat(r.callId()).isEqualTo(call.id()));
        // The listing by call agrees with the whole listing.
        assertThat(ListedRecording.list(cli).stream().filter(r -> r.callId().equals(call.id())).toList())
                .isEqualTo(recordings);
        return recordings;
    }

    /** {@code recordings export ID --to FILE}, run as its own process as a technician would; the exported file. */
    private static Path export(ListedRecording recording, String name) {
        Path target = work.resolve(name);
        ProcessResult r = cli.run("recordings", "export", recording.id(), "--to", target.toString());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("exported to " + target);
        return target;
    }

    private static Baresip phone(String name, Credentials user, BaresipAudio audio) {
        return Baresip.start(work.resolve(name), List.of(account(user)), null, 600, audio);
    }

    private static BaresipAccount account(Credentials user) {
        return new BaresipAccount(user, DOMAIN, Transport.UDP, "127.0.0.1", server.ports().sip());
    }

    private static void check(ProcessResult r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the CLI failed: " + r.describe());
        }
    }
}
