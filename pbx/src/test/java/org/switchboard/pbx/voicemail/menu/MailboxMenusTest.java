package org.switchboard.pbx.voicemail.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.ScriptedLine;
import org.switchboard.pbx.voice.ScriptedLine.Cue;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailRig;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;

/** Logging in by phone: {@code *97}, {@code *98}, PINs, choosing a PIN; then the summary and the main menu. */
class MailboxMenusTest {
    /** Bob at his own desk phone, extension 1002, authenticated by SIP digest. */
    private static final VoiceCaller BOB_AT_DESK = VoicemailRig.caller("1002", "Bob", "1002", "*97");

    @TempDir Path dir;

    private static Ending run(VoicemailRig rig, String dialled, ScriptedLine line) throws InterruptedException {
        Ending ending = rig.applications().service(dialled, line.caller()).orElseThrow().run(line);
        assertThat(line.scriptDone()).as("every step of the script happened").isTrue();
        return ending;
    }

    @Test
    void threeWrongPinsSayGoodbyeAndShowNothing() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
        rig.leave("1002", new Caller("1001", "Alice"), Duration.ofSeconds(2));
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("1111#")
                .on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2581#")
                .on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("#");

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsExactly("vm-enter-pin", "vm-login-incorrect", "vm-enter-pin",
                "vm-login-incorrect", "vm-enter-pin", "vm-login-incorrect", "goodbye");
        assertThat(rig.messages.counts("1002").newMessages()).isEqualTo(1);
    }

    @Test
    void theRightPinTellsTheCountsThenTheMainMenu() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
        rig.leave("1002", new Caller("1001", "Alice"), Duration.ofSeconds(2));
        rig.leave("1002", new Caller("1003", "Carl"), Duration.ofSeconds(2));
        var heard = rig.leave("1002", new Caller("1001", "Alice"), Duration.ofSeconds(2));
        rig.messages.move("1002", heard.id(), Folder.OLD);
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.played(PromptKey.VM_MAIN_EXIT)).press("#");

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.plays()).element(1).isEqualTo(java.util.List.of("vm-you-have", "digit-2", "vm-new-messages", "and",
                "digit-1", "vm-old-message"));
        assertThat(line.plays()).element(2).isEqualTo(java.util.List.of("vm-main-play-new", "vm-main-play-old",
                "vm-main-options", "vm-main-repeat", "vm-main-exit"));
        assertThat(line.heard()).endsWith("goodbye");
    }

    @Test
    void onTheOwnPhoneWithoutAPinTheOwnerChoosesOneFirst() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_PIN_NEW)).press("4826#")
                .on(Cue.playing(PromptKey.VM_PIN_REENTER)).press("4826#")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("#");

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsSubsequence("vm-pin-new", "vm-pin-reenter", "vm-pin-changed", "vm-no-messages",
                "vm-main-play-new").doesNotContain("vm-enter-pin");
        assertThat(rig.mailboxes.verifyPin("1002", "4826")).isTrue();
    }

    @Test
    void anOwnerWhoDoesNotChooseAPinDoesNotGetIn() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK);

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsExactly("vm-pin-new", "vm-pin-new", "vm-pin-new", "goodbye");
        assertThat(rig.mailboxes.mailbox("1002").hasPin()).isFalse();
    }

    /** {@code *98} always asks whose mailbox; {@code *97} does when the caller did not authenticate (a trunk). */
    @ParameterizedTest(name = "{0} from {1}, authenticated as ''{3}''")
    @CsvSource({"*98, 1001, Alice, 1001", "*97, 0791234567, '', ''"})
    void aCallerNotKnownAsTheOwnerIsAskedTheMailboxNumberThenThePin(String dialled, String number, String name,
                                                                    String authenticated) throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", VoicemailRig.PIN);
        VoiceCaller caller = VoicemailRig.caller(number, name, authenticated, dialled);
        ScriptedLine line = VoicemailRig.logsIn(caller, Cue.playing(PromptKey.VM_ENTER_MAILBOX), "1002#");

        assertThat(run(rig, dialled, line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsSubsequence("vm-enter-mailbox", "vm-enter-pin", "vm-no-messages", "goodbye");
    }

    @Test
    void aMailboxWithoutPinOrThatDoesNotExistIsRefusedFromAnotherPhoneWithoutSayingWhich() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        VoiceCaller fromAlicesPhone = VoicemailRig.caller("1001", "Alice", "1001", "*98");
        ScriptedLine line = new ScriptedLine(fromAlicesPhone).on(Cue.playing(PromptKey.VM_ENTER_MAILBOX)).press("1002#")
                .on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("1357#")
                .on(Cue.playing(PromptKey.VM_ENTER_MAILBOX)).press("1999#")
                .on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("1357#")
                .on(Cue.playing(PromptKey.VM_ENTER_MAILBOX)).press("#");

        assertThat(run(rig, "*98", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).containsExactly("vm-enter-mailbox", "vm-enter-pin", "vm-login-incorrect",
                "vm-enter-mailbox", "vm-enter-pin", "vm-login-incorrect", "vm-enter-mailbox", "vm-enter-pin",
                "vm-login-incorrect", "goodbye");
        assertThat(rig.mailboxes.mailbox("1002").hasPin()).as("nobody chose a PIN from another phone").isFalse();
    }

    @Test
    void silenceAtTheMainMenuSaysGoodbyeAfterThreeTries() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#");

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard().stream().filter("vm-main-play-new"::equals)).hasSize(3);
        assertThat(line.heard()).endsWith("goodbye");
    }

    @Test
    void hangingUpAnywhereEndsTheApplication() throws Exception {
        VoicemailRig rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.playing(PromptKey.VM_MAIN_OPTIONS)).hangUp();

        assertThat(run(rig, "*97", line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).doesNotContain("goodbye");
    }
}
