package org.switchboard.pbx.voicemail.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.voice.VoiceApplications.Unanswered.BUSY;
import static org.switchboard.pbx.voice.VoiceApplications.Unanswered.NO_ANSWER;
import static org.switchboard.pbx.voice.VoiceApplications.Unanswered.UNAVAILABLE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.wav.WavFormat;
import org.switchboard.media.wav.WavReader;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.ScriptedLine;
import org.switchboard.pbx.voice.ScriptedLine.Cue;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voice.VoiceApplications.Unanswered;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailRig;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

class LeaveMessageTest {
    private static final VoiceCaller ALICE = VoicemailRig.caller("1001", "Alice", "1001", "1002");
    private static final Duration TOLERANCE = Duration.ofMillis(100);

    @TempDir Path dir;

    private static VoicemailSettings settings(Duration max, Duration silence, int maxMessages) {
        VoicemailSettings d = VoicemailSettings.DEFAULT;
        return new VoicemailSettings(max, d.minMessageLength(), silence, d.silenceThreshold(), maxMessages, d.language(),
                d.emailRetry());
    }

    private static Ending run(VoicemailRig rig, Unanswered why, ScriptedLine line) throws InterruptedException {
        Ending ending = rig.deposit("1002", why, line.caller()).run(line);
        assertThat(line.scriptDone()).as("every step of the script happened").isTrue();
        return ending;
    }

    private static VoicemailMessage onlyMessage(VoicemailRig rig) {
        List<VoicemailMessage> messages = rig.messages.list("1002");
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    @Test
    void aMessageSaidAfterTheGreetingIsStoredWithItsLengthCallerAndMailbox() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofSeconds(3))).press("#");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);

        VoicemailMessage message = onlyMessage(rig);
        assertThat(message.mailbox()).isEqualTo("1002");
        assertThat(message.caller()).isEqualTo(new Caller("1001", "Alice"));
        assertThat(message.folder()).isEqualTo(Folder.NEW);
        assertThat(message.duration()).isCloseTo(Duration.ofSeconds(3), TOLERANCE);
        assertThat(rig.lamps).containsExactly("1002 1/0/0");
        assertThat(line.heard()).containsExactly("vm-person-at-extension", "digit-1", "digit-0", "digit-0", "digit-2",
                "vm-is-unavailable", "vm-leave-message", "beep", "vm-message-saved", "goodbye");
        try (WavReader wav = WavReader.open(rig.messages.file(message))) {
            assertThat(wav.format().sampleRate()).isEqualTo(8000);
            assertThat(wav.frames()).isEqualTo(24_000);
        }
        assertThat(rig.files("1002")).containsExactly(message.fileName());
    }

    @Test
    void aWidebandLineIsRecordedAtItsRate() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE, 16_000).on(Cue.recorded(Duration.ofSeconds(2))).press("#");
        run(rig, NO_ANSWER, line);

        try (WavReader wav = WavReader.open(rig.messages.file(onlyMessage(rig)))) {
            WavFormat format = wav.format();
            assertThat(format.sampleRate()).isEqualTo(16_000);
            assertThat(wav.frames()).isEqualTo(32_000);
        }
    }

    @Test
    void hangingUpWhileRecordingKeepsWhatWasSaid() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofMillis(2500))).hangUp();

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(onlyMessage(rig).duration()).isCloseTo(Duration.ofMillis(2500), TOLERANCE);
        assertThat(line.heard()).endsWith("beep");
    }

    @Test
    void silenceEndsTheMessageAndIsCutOffItsEnd() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir, settings(Duration.ofSeconds(180), Duration.ofSeconds(4), 100));
        ScriptedLine line = new ScriptedLine(ALICE).callerTalks(Duration.ofSeconds(2));

        run(rig, NO_ANSWER, line);
        assertThat(line.recordings()).containsExactly(Duration.ofSeconds(6));
        assertThat(onlyMessage(rig).duration()).isCloseTo(Duration.ofSeconds(2).plus(LeaveMessage.SILENCE_KEPT), TOLERANCE);
        assertThat(line.heard()).endsWith("vm-message-saved", "goodbye");
    }

    @Test
    void theMessageStopsAtTheMaximumLength() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir, settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 100));
        ScriptedLine line = new ScriptedLine(ALICE);

        run(rig, NO_ANSWER, line);
        assertThat(onlyMessage(rig).duration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMessageShorterThanTheMinimumIsDiscardedWithoutATrace() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofMillis(400))).press("#");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(rig.messages.list("1002")).isEmpty();
        assertThat(rig.files("1002")).as("no file, no draft left").isEmpty();
        assertThat(rig.lamps).isEmpty();
        assertThat(line.heard()).endsWith("beep", "goodbye").doesNotContain("vm-message-saved");
    }

    @Test
    void aFullMailboxSaysSoAndHangsUp() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir, settings(Duration.ofSeconds(180), Duration.ofSeconds(10), 1));
        rig.leave("1002", new Caller("1003", ""), Duration.ofSeconds(2));
        ScriptedLine line = new ScriptedLine(ALICE);

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsExactly("vm-mailbox-full", "goodbye");
        assertThat(rig.messages.list("1002")).hasSize(1);
    }

    @Test
    void zeroDuringTheGreetingGoesToTheOperatorAndLeavesNothing() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_PERSON_AT_EXTENSION)).press("0");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(new Ending.Transfer(VoicemailRig.OPERATOR));
        assertThat(rig.messages.list("1002")).isEmpty();
        assertThat(line.heard()).doesNotContain("beep");
    }

    @Test
    void zeroDuringTheRecordingKeepsTheMessageAndGoesToTheOperator() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofSeconds(2))).press("0");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(new Ending.Transfer(VoicemailRig.OPERATOR));
        assertThat(onlyMessage(rig).duration()).isCloseTo(Duration.ofSeconds(2), TOLERANCE);
    }

    @Test
    void withoutAnOperatorZeroIsIgnored() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing(PromptKey.VM_PERSON_AT_EXTENSION)).press("0")
                .on(Cue.recorded(Duration.ofSeconds(2))).press("0#");
        Ending ending = rig.applications(Optional.empty()).unanswered("1002", NO_ANSWER, ALICE).orElseThrow().run(line);

        assertThat(ending).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(onlyMessage(rig).duration()).isCloseTo(Duration.ofSeconds(2), TOLERANCE);
    }

    @Test
    void hashSkipsTheGreetingToTheBeep() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.greeting("1002", GreetingKind.UNAVAILABLE, Duration.ofSeconds(20));
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing("greeting:unavailable")).press("#")
                .on(Cue.recorded(Duration.ofSeconds(2))).press("#");

        run(rig, NO_ANSWER, line);
        assertThat(line.startOf("beep")).isLessThan(Duration.ofMillis(100));
        assertThat(rig.messages.list("1002")).hasSize(1);
    }

    @Test
    void theGreetingFollowsWhyTheCallCame() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        assertThat(greetingHeard(rig, BUSY)).containsSubsequence("vm-person-at-extension", "vm-is-busy", "vm-leave-message");
        assertThat(greetingHeard(rig, UNAVAILABLE)).contains("vm-is-unavailable").doesNotContain("vm-is-busy");

        rig.greeting("1002", GreetingKind.UNAVAILABLE, Duration.ofSeconds(2));
        assertThat(greetingHeard(rig, BUSY)).as("no busy greeting: the unavailable one").containsExactly("greeting:unavailable");
        rig.greeting("1002", GreetingKind.BUSY, Duration.ofSeconds(2));
        assertThat(greetingHeard(rig, BUSY)).containsExactly("greeting:busy");
        assertThat(greetingHeard(rig, NO_ANSWER)).containsExactly("greeting:unavailable");
        assertThat(greetingHeard(rig, UNAVAILABLE)).containsExactly("greeting:unavailable");

        rig.greeting("1002", GreetingKind.TEMPORARY, Duration.ofSeconds(2));
        assertThat(greetingHeard(rig, BUSY)).containsExactly("greeting:temporary");
        assertThat(greetingHeard(rig, NO_ANSWER)).containsExactly("greeting:temporary");
    }

    /** What a caller who hangs up at the beep heard as the greeting. */
    private static List<String> greetingHeard(VoicemailRig rig, Unanswered why) throws InterruptedException {
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.playing("beep")).hangUp();
        run(rig, why, line);
        return line.plays().getFirst();
    }

    @Test
    void theMailboxLanguageIsSpoken() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.customPrompt("fr", "vm-leave-message", Duration.ofSeconds(9));

        ScriptedLine english = new ScriptedLine(ALICE).on(Cue.playing("beep")).hangUp();
        run(rig, NO_ANSWER, english);
        assertThat(english.startOf("beep")).isLessThan(Duration.ofSeconds(9));

        rig.mailboxes.update("1002", MailboxChange.NONE.withLanguage(Optional.of(MailboxLanguage.FR)));
        ScriptedLine french = new ScriptedLine(ALICE).on(Cue.playing("beep")).hangUp();
        run(rig, NO_ANSWER, french);
        assertThat(french.startOf("beep")).as("the French 'laissez un message' of 9 s").isGreaterThan(Duration.ofSeconds(9));
    }

    @Test
    void starDuringTheGreetingLetsTheOwnerLogIn() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", VoicemailRig.PIN);
        VoiceCaller owner = VoicemailRig.caller("0791234567", "", "", "1002");
        ScriptedLine line = VoicemailRig.logsIn(owner, Cue.playing(PromptKey.VM_PERSON_AT_EXTENSION), "*");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsSubsequence("vm-enter-pin", "vm-no-messages", "vm-main-play-new", "goodbye")
                .doesNotContain("beep");
        assertThat(rig.messages.list("1002")).isEmpty();
    }

    @Test
    void anUnknownMailboxIsNotInService() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(ALICE);
        Ending ending = rig.applications().unanswered("1999", NO_ANSWER, ALICE).orElseThrow().run(line);

        assertThat(ending).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsExactly("not-in-service");
    }

    @Test
    void aDiskThatRefusesTheRecordingEndsTheCallPolitely() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        Files.createDirectories(dir.resolve("voicemail"));
        Files.writeString(dir.resolve("voicemail").resolve("1002"), "not a directory");
        ScriptedLine line = new ScriptedLine(ALICE);

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).endsWith("vm-leave-message", "goodbye");
        assertThat(rig.messages.list("1002")).isEmpty();
    }

    @Test
    void anIndexThatFailsLosesNoMessage() throws Exception {
        MemoryMessageRepository failingOnce = new MemoryMessageRepository() {
            private boolean failed;

            @Override
            public synchronized boolean insert(VoicemailMessage message) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("database is locked");
                }
                return super.insert(message);
            }
        };
        VoicemailRig rig = new VoicemailRig(dir, VoicemailSettings.DEFAULT, failingOnce);
        ScriptedLine line = new ScriptedLine(ALICE).on(Cue.recorded(Duration.ofSeconds(3))).press("#");

        assertThat(run(rig, NO_ANSWER, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).endsWith("beep", "goodbye");
        assertThat(rig.messages.list("1002")).isEmpty();
        assertThat(rig.files("1002")).as("the committed file stays for recovery").hasSize(1);

        assertThat(rig.messages.recover().filesIndexed()).isEqualTo(1);
        assertThat(onlyMessage(rig).duration()).isCloseTo(Duration.ofSeconds(3), TOLERANCE);
    }
}
