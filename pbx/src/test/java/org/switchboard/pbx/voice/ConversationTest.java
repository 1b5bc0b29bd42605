package org.switchboard.pbx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.dsp.TonePlan;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voice.ScriptedLine.Cue;

class ConversationTest {
    private static final VoiceCaller ALICE = new VoiceCaller("1001", "Alice", "1001", "*97");
    private static final Announcement MENU = Announcement.of(PromptKey.VM_MAIN_PLAY_NEW, PromptKey.VM_MAIN_OPTIONS);
    private static final RecordLimits TEN_SECONDS = new RecordLimits(Duration.ofSeconds(10),
            Optional.of(Duration.ofSeconds(2)), -45, "#0");

    @TempDir Path prompts;

    private Conversation talk(ScriptedLine line) {
        return new Conversation(line, new Announcer(new PromptLibrary(prompts), "en", line.sampleRate()));
    }

    @Test
    void anAnnouncementPlaysToItsEndInItsOwnTime() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE);
        Played played = talk(line).play(Announcement.of(PromptKey.VM_ENTER_PIN).then(Announcement.pause(500))
                .then(Announcement.tone(TonePlan.BEEP, "beep")));

        assertThat(played).isEqualTo(Played.TO_END);
        assertThat(line.plays()).containsExactly(java.util.List.of("vm-enter-pin", "pause", "beep"));
        assertThat(line.elapsed()).as("a sentence of about two seconds, half a second and a quarter")
                .isBetween(Duration.ofMillis(1500), Duration.ofMillis(6000));
    }

    @Test
    void aKeyCutsTheAnnouncementShortAndIsReturned() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("1");
        Played played = talk(line).play(MENU.then(MENU).then(MENU));

        assertThat(played).isEqualTo(new Played.Key('1'));
        assertThat(line.elapsed()).as("stopped at the first tick").isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void keysThatDoNotInterruptAreDropped() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("5");
        Conversation talk = talk(line);

        assertThat(talk.play(MENU, "#")).isEqualTo(Played.TO_END);
        assertThat(talk.awaitKey(Duration.ofSeconds(1))).as("the 5 is gone").isEqualTo(Played.TO_END);
    }

    @Test
    void aPartThatCannotBeOpenedIsLeftOutAndTheRestPlays() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE);
        Played played = talk(line).play(Announcement.recording(prompts.resolve("gone.wav"), "greeting:gone")
                .then(PromptKey.GOODBYE));

        assertThat(played).isEqualTo(Played.TO_END);
        assertThat(line.heard()).containsExactly("goodbye");
    }

    @Test
    void digitsAreCollectedUpToTheTerminatorCountingThoseTypedDuringTheQuestion() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_ENTER_MAILBOX)).press("10")
                .on(Cue.after(Duration.ofSeconds(2))).press("02#");
        Entry entry = talk(line).ask(Announcement.of(PromptKey.VM_ENTER_MAILBOX), DigitLimits.upTo(10));

        assertThat(entry).isEqualTo(new Entry.Typed("1002"));
        assertThat(entry.toString()).doesNotContain("1002");
    }

    @Test
    void silenceAfterTheQuestionIsNothingAndAPauseEndsAnAnswer() throws Exception {
        ScriptedLine silent = new ScriptedLine(ALICE);
        assertThat(talk(silent).ask(Announcement.of(PromptKey.VM_ENTER_PIN), DigitLimits.upTo(10)))
                .isEqualTo(Entry.NOTHING);
        assertThat(silent.elapsed()).as("the question, then the 8 s first-digit timeout")
                .isGreaterThanOrEqualTo(DigitLimits.FIRST_DIGIT);

        ScriptedLine slow = new ScriptedLine(ALICE).on(Cue.played(PromptKey.VM_ENTER_PIN)).press("12");
        assertThat(talk(slow).ask(Announcement.of(PromptKey.VM_ENTER_PIN), DigitLimits.upTo(10)))
                .isEqualTo(new Entry.Typed("12"));

        ScriptedLine full = new ScriptedLine(ALICE).on(Cue.played(PromptKey.VM_ENTER_PIN)).press("12345");
        Conversation talk = talk(full);
        assertThat(talk.ask(Announcement.of(PromptKey.VM_ENTER_PIN), DigitLimits.upTo(3))).isEqualTo(new Entry.Typed("123"));
        assertThat(talk.awaitKey(Duration.ofSeconds(1))).as("the rest stays for the next question").isEqualTo(new Played.Key('4'));
    }

    @Test
    void aMenuTellsAnInvalidKeyRepeatsOnSilenceAndGivesUpAfterThreeTries() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("8")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("0");
        assertThat(talk(line).choose(MENU, "10")).isEqualTo(new Choice.Picked('0'));
        assertThat(line.heard()).containsSubsequence("vm-main-play-new", "invalid-option", "vm-main-play-new");

        ScriptedLine silent = new ScriptedLine(ALICE);
        assertThat(talk(silent).choose(MENU, "10")).isEqualTo(Choice.GAVE_UP);
        assertThat(silent.plays()).hasSize(Conversation.MENU_TRIES);
        assertThat(silent.heard()).doesNotContain("invalid-option");
    }

    @Test
    void aRecordingEndsOnAnEndKeyWithTheLengthTheSinkTook() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofMillis(3000))).press("5#");
        Collecting sink = new Collecting(8000);
        Recorded recorded = talk(line).record(sink, TEN_SECONDS);

        assertThat(recorded.end()).isEqualTo(new Recorded.End.Key('#'));
        assertThat(recorded.length()).isEqualTo(Duration.ofMillis(3000));
        assertThat(sink.samples).isEqualTo(24_000);
        assertThat(recorded.trailingSilence()).isZero();
    }

    @Test
    void aRecordingEndsAfterTheSilenceLimitAndSaysHowMuchWasSilent() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE, 16000).callerTalks(Duration.ofMillis(1500));
        Recorded recorded = talk(line).record(new Collecting(16000), TEN_SECONDS);

        assertThat(recorded.end()).isEqualTo(new Recorded.End.Silence());
        assertThat(recorded.length()).isEqualTo(Duration.ofMillis(3500));
        assertThat(recorded.trailingSilence()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRecordingStopsAtItsMaximumLengthToTheSample() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE);
        Collecting sink = new Collecting(8000);
        Recorded recorded = talk(line).record(sink, new RecordLimits(Duration.ofMillis(4010), Optional.empty(), -45, "#"));

        assertThat(recorded.end()).isEqualTo(new Recorded.End.MaxLength());
        assertThat(sink.samples).isEqualTo(32_080);
        assertThat(recorded.length()).isEqualTo(Duration.ofMillis(4010));
    }

    @Test
    void hangingUpEndsARecordingAndEverythingAfter() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofMillis(2500))).hangUp();
        Conversation talk = talk(line);
        Recorded recorded = talk.record(new Collecting(8000), TEN_SECONDS);

        assertThat(recorded.hungUp()).isTrue();
        assertThat(recorded.length()).isEqualTo(Duration.ofMillis(2500));
        assertThat(talk.hungUp()).isTrue();
        assertThat(talk.play(MENU)).isEqualTo(Played.HUNG_UP);
        assertThat(talk.ask(MENU, DigitLimits.upTo(4))).isEqualTo(Entry.HUNG_UP);
        assertThat(talk.choose(MENU, "1")).isEqualTo(Choice.HUNG_UP);
        assertThat(talk.record(new Collecting(8000), TEN_SECONDS).hungUp()).isTrue();
        assertThat(line.plays()).isEmpty();
    }

    @Test
    void aSinkThatFailsEndsTheRecordingAsFailed() throws Exception {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofSeconds(1))).press("#");
        Collecting sink = new Collecting(8000);
        sink.failure = "disk full";
        Recorded recorded = talk(line).record(sink, TEN_SECONDS);

        assertThat(recorded.end()).isEqualTo(new Recorded.End.Failed("disk full"));
    }

    /** Counts what it is given. */
    private static final class Collecting implements AudioSink {
        private final int rate;
        long samples;
        String failure;

        Collecting(int rate) {
            this.rate = rate;
        }

        @Override public int sampleRate() { return rate; }

        @Override public void write(short[] pcm, int off, int count) { samples += count; }

        @Override public Optional<String> failure() { return Optional.ofNullable(failure); }
    }
}
