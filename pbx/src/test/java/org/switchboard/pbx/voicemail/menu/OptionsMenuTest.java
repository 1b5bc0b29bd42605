package org.switchboard.pbx.voicemail.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.ScriptedLine;
import org.switchboard.pbx.voice.ScriptedLine.Cue;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailRig;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;

/** The mailbox options ({@code 0}): greetings, the active greeting, the PIN. */
class OptionsMenuTest {
    private static final VoiceCaller BOB_AT_DESK = VoicemailRig.caller("1002", "Bob", "1002", "*97");
    private static final Duration TOLERANCE = Duration.ofMillis(100);

    @TempDir Path dir;
    private VoicemailRig rig;

    @BeforeEach
    void bobHasAPin() {
        rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
    }

    /** Logs in and presses 0 at the main menu, then {@code option} at the options menu. */
    private ScriptedLine inOptions(String option) {
        return new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("0")
                .on(Cue.playing(PromptKey.VM_OPT_UNAVAILABLE)).press(option);
    }

    private void run(ScriptedLine line) throws InterruptedException {
        assertThat(rig.applications().service("*97", BOB_AT_DESK).orElseThrow().run(line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.scriptDone()).as("every step of the script happened").isTrue();
    }

    private Optional<Greeting> greeting(GreetingKind kind) {
        return rig.greetings.list("1002").stream().filter(g -> g.kind().equals(kind)).findFirst();
    }

    @Test
    void changingThePinRefusesAWeakOneAndTwoThatDiffer() throws Exception {
        ScriptedLine line = inOptions("6").on(Cue.playing(PromptKey.VM_PIN_NEW)).press("1234#")
                .on(Cue.playing(PromptKey.VM_PIN_NEW)).press("4826#")
                .on(Cue.playing(PromptKey.VM_PIN_REENTER)).press("4827#")
                .on(Cue.playing(PromptKey.VM_PIN_NEW)).press("4826#")
                .on(Cue.playing(PromptKey.VM_PIN_REENTER)).press("4826#")
                .on(Cue.playing(PromptKey.VM_OPT_UNAVAILABLE)).press("*")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("#");

        run(line);
        assertThat(line.heard()).containsSubsequence("vm-pin-new", "vm-pin-invalid", "vm-pin-new", "vm-pin-reenter",
                "vm-pin-mismatch", "vm-pin-new", "vm-pin-reenter", "vm-pin-changed", "vm-opt-unavailable", "goodbye");
        assertThat(rig.mailboxes.verifyPin("1002", "4826")).isTrue();
        assertThat(rig.mailboxes.verifyPin("1002", "2580")).isFalse();
    }

    @Test
    void theUnavailableGreetingIsRecordedReviewedAndKept() throws Exception {
        ScriptedLine line = inOptions("1").on(Cue.recorded(Duration.ofSeconds(3))).press("#")
                .on(Cue.played(PromptKey.VM_RECORD_LISTEN)).press("3")
                .on(Cue.played("greeting:unavailable")).press("1")
                .on(Cue.played(PromptKey.VM_RECORDING_SAVED)).hangUp();

        run(line);
        assertThat(line.heard()).containsSubsequence("vm-record-greeting", "beep", "vm-record-review", "greeting:unavailable",
                "vm-recording-saved");
        assertThat(greeting(GreetingKind.UNAVAILABLE).orElseThrow().duration()).isCloseTo(Duration.ofSeconds(3), TOLERANCE);

        ScriptedLine caller = new ScriptedLine(VoicemailRig.caller("1001", "Alice", "1001", "1002"))
                .on(Cue.playing("beep")).hangUp();
        rig.deposit("1002", org.switchboard.pbx.voice.VoiceApplications.Unanswered.NO_ANSWER, caller.caller()).run(caller);
        assertThat(caller.plays().getFirst()).containsExactly("greeting:unavailable");
    }

    @Test
    void recordingAgainReplacesTheGreetingAndSilenceEndsIt() throws Exception {
        ScriptedLine line = inOptions("3").callerTalks(Duration.ofMillis(1500))
                .on(Cue.played(PromptKey.VM_RECORD_LISTEN)).press("2")
                .on(Cue.played(PromptKey.VM_RECORD_LISTEN)).press("1")
                .on(Cue.played(PromptKey.VM_RECORDING_SAVED)).hangUp();

        run(line);
        assertThat(line.heard()).containsSubsequence("vm-record-name", "beep", "vm-record-review", "vm-record-name", "beep",
                "vm-record-review", "vm-recording-saved");
        assertThat(greeting(GreetingKind.NAME).orElseThrow().duration()).as("trailing silence cut off")
                .isCloseTo(Duration.ofMillis(1500), TOLERANCE);
    }

    @Test
    void aTooShortGreetingIsAskedAgain() throws Exception {
        ScriptedLine line = inOptions("2").on(Cue.recorded(Duration.ofMillis(300))).press("#")
                .on(Cue.played(PromptKey.PLEASE_TRY_AGAIN)).press("*")
                .on(Cue.playing(PromptKey.VM_OPT_UNAVAILABLE)).hangUp();

        run(line);
        assertThat(line.heard()).containsSubsequence("vm-record-greeting", "beep", "please-try-again", "vm-record-greeting");
        assertThat(greeting(GreetingKind.BUSY)).isEmpty();
    }

    @Test
    void aNewTemporaryGreetingPlaysWhateverEndTheOldOneHad() throws Exception {
        rig.mailboxes.temporaryGreetingUntil("1002", Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
        ScriptedLine line = inOptions("4").on(Cue.recorded(Duration.ofSeconds(2))).press("#")
                .on(Cue.played(PromptKey.VM_RECORD_LISTEN)).hangUp();

        run(line);
        assertThat(greeting(GreetingKind.TEMPORARY)).isPresent();
        assertThat(rig.mailboxes.mailbox("1002").greetings().temporaryUntil()).isEmpty();

        ScriptedLine again = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).hangUp();
        run(again);
        assertThat(again.heard()).containsSubsequence("vm-no-messages", "vm-temporary-greeting-on");
    }

    @Test
    void aCustomGreetingIsRecordedByNumberThenChosenAndTheStandardOnesAgain() throws Exception {
        ScriptedLine record = inOptions("7").on(Cue.playing(PromptKey.VM_GREETING_ENTER_NUMBER)).press("2")
                .on(Cue.recorded(Duration.ofSeconds(2))).press("#")
                .on(Cue.played(PromptKey.VM_RECORD_LISTEN)).press("1")
                .on(Cue.playing(PromptKey.VM_OPT_UNAVAILABLE)).press("5")
                .on(Cue.playing(PromptKey.VM_GREETING_ACTIVE_IS)).press("3")
                .on(Cue.playing(PromptKey.VM_OPT_UNAVAILABLE)).press("5")
                .on(Cue.played(PromptKey.VM_GREETING_CHOOSE_CUSTOM)).press("2")
                .on(Cue.played(PromptKey.VM_GREETING_ACTIVATED)).hangUp();

        run(record);
        assertThat(greeting(new GreetingKind.Custom("2"))).isPresent();
        assertThat(record.heard()).containsSubsequence("vm-greeting-not-recorded", "vm-greeting-active-is",
                "vm-greeting-standard", "vm-greeting-activated");
        assertThat(rig.mailboxes.mailbox("1002").greetings().activeCustom()).contains("2");

        ScriptedLine back = inOptions("5").on(Cue.played(PromptKey.VM_GREETING_CHOOSE_CUSTOM)).press("0")
                .on(Cue.played(PromptKey.VM_GREETING_ACTIVATED)).hangUp();
        run(back);
        assertThat(back.heard()).containsSubsequence("vm-greeting-active-is", "vm-greeting-number", "digit-2");
        assertThat(rig.mailboxes.mailbox("1002").greetings().activeCustom()).isEmpty();
    }
}
