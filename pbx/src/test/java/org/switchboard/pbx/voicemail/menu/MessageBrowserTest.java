package org.switchboard.pbx.voicemail.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.prompt.PromptKey;
import org.switchboard.pbx.voice.ScriptedLine;
import org.switchboard.pbx.voice.ScriptedLine.Cue;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplication.Ending;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailRig;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

/** Listening to messages after {@code *97}: envelopes, marking heard, delete, save, next, call back. */
class MessageBrowserTest {
    private static final VoiceCaller BOB_AT_DESK = VoicemailRig.caller("1002", "Bob", "1002", "*97");

    @TempDir Path dir;
    private VoicemailRig rig;
    private VoicemailMessage fromAlice;
    private VoicemailMessage fromCarl;

    @BeforeEach
    void twoNewMessages() {
        rig = new VoicemailRig(dir);
        rig.pin("1002", "2580");
        fromAlice = rig.leave("1002", new Caller("1001", "Alice"), Duration.ofSeconds(2));
        fromCarl = rig.leave("1002", new Caller("+41215551234", "Carl"), Duration.ofSeconds(3));
        rig.lamps.clear();
    }

    /** Logs in and presses 1 at the main menu; then {@code script} goes on. */
    private ScriptedLine listening() {
        return new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("1");
    }

    private Ending run(ScriptedLine line) throws InterruptedException {
        Ending ending = rig.applications().service("*97", BOB_AT_DESK).orElseThrow().run(line);
        assertThat(line.scriptDone()).as("every step of the script happened").isTrue();
        return ending;
    }

    @Test
    void oneSaysEachEnvelopeThenPlaysTheMessageAndMarksItHeard() throws Exception {
        ScriptedLine line = listening().on(Cue.played(PromptKey.VM_MSG_MAIN_MENU)).press("6")
                .on(Cue.played(PromptKey.VM_MSG_MAIN_MENU)).press("#");

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        List<String> first = line.plays().stream().filter(p -> p.contains("message:" + fromAlice.id())).findFirst().orElseThrow();
        assertThat(first).containsExactly("vm-message", "digit-1", "vm-received", "on", "weekday-monday", "date-the",
                "ordinal-2", "date-of", "month-march", "at", "digit-9", "time-am", "vm-from",
                "digit-1", "digit-0", "digit-0", "digit-1", "pause", "message:" + fromAlice.id());
        List<String> second = line.plays().stream().filter(p -> p.contains("message:" + fromCarl.id())).findFirst().orElseThrow();
        assertThat(second).startsWith("vm-message", "digit-2").containsSubsequence("vm-from", "plus", "digit-4", "digit-1");
        assertThat(rig.messages.counts("1002")).isEqualTo(new MessageCounts(0, 2, 0));
        assertThat(rig.lamps).containsExactly("1002 1/1/0", "1002 0/2/0");
        assertThat(line.heard()).endsWith("goodbye");
    }

    @Test
    void sevenDeletesTheMessageAndTheLampFollows() throws Exception {
        ScriptedLine line = listening().on(Cue.playing("message:" + fromAlice.id())).press("7")
                .on(Cue.playing("message:" + fromCarl.id())).press("7")
                .on(Cue.played(PromptKey.VM_MAIN_EXIT)).press("#");

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(rig.messages.list("1002")).isEmpty();
        assertThat(Files.exists(rig.messages.file(fromAlice))).isFalse();
        assertThat(rig.lamps).endsWith("1002 0/0/0");
        assertThat(line.heard()).containsSubsequence("vm-message-deleted", "vm-message-deleted", "vm-no-more-messages",
                "vm-main-play-new", "goodbye");
    }

    @Test
    void nineSavesTheMessageAndMovesOn() throws Exception {
        ScriptedLine line = listening().on(Cue.played("message:" + fromAlice.id())).press("9")
                .on(Cue.playing("message:" + fromCarl.id())).hangUp();

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(rig.messages.find("1002", fromAlice.id()).orElseThrow().folder()).isEqualTo(Folder.SAVED);
        assertThat(rig.messages.counts("1002")).isEqualTo(new MessageCounts(0, 1, 1));
        assertThat(line.heard()).containsSubsequence("message:" + fromAlice.id(), "vm-message-saved",
                "message:" + fromCarl.id());
    }

    @Test
    void previousRepeatAndEnvelopeWalkTheMessages() throws Exception {
        ScriptedLine line = listening().on(Cue.played("message:" + fromAlice.id())).press("4")
                .on(Cue.played(PromptKey.VM_FIRST_MESSAGE)).press("6")
                .on(Cue.played("message:" + fromCarl.id())).press("1")
                .on(Cue.played("message:" + fromCarl.id())).press("5")
                .on(Cue.played(PromptKey.VM_MSG_NEXT)).press("4")
                .on(Cue.playing("message:" + fromAlice.id())).press("*")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("#");

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        List<List<String>> plays = line.plays();
        assertThat(plays.stream().filter(p -> p.equals(List.of("message:" + fromCarl.id())))).as("repeated alone").hasSize(1);
        assertThat(plays.stream().filter(p -> p.getFirst().equals("vm-message") && !p.contains("pause")))
                .as("the envelope alone").hasSize(1);
        assertThat(line.heard()).containsSubsequence("vm-first-message", "message:" + fromCarl.id(),
                "message:" + fromCarl.id(), "vm-from", "message:" + fromAlice.id(), "vm-main-play-new", "goodbye");
    }

    @Test
    void threeCallsTheSenderBack() throws Exception {
        ScriptedLine line = listening().on(Cue.playing("message:" + fromAlice.id())).press("3");

        assertThat(run(line)).isEqualTo(new Ending.Transfer("1001"));
    }

    @Test
    void aSenderWithoutNumberCannotBeCalledBack() throws Exception {
        rig.messages.delete("1002", fromAlice.id());
        rig.messages.delete("1002", fromCarl.id());
        VoicemailMessage anonymous = rig.leave("1002", Caller.UNKNOWN, Duration.ofSeconds(2));
        ScriptedLine line = listening().on(Cue.playing("message:" + anonymous.id())).press("3")
                .on(Cue.played(PromptKey.VM_MSG_NEXT)).hangUp();

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).contains("vm-from-unknown", "invalid-option").doesNotContain("vm-msg-call-back");
    }

    @Test
    void twoPlaysOnlyTheOldAndSavedOnes() throws Exception {
        rig.messages.move("1002", fromCarl.id(), Folder.SAVED);
        ScriptedLine line = new ScriptedLine(BOB_AT_DESK).on(Cue.playing(PromptKey.VM_ENTER_PIN)).press("2580#")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("2")
                .on(Cue.played(PromptKey.VM_MSG_MAIN_MENU)).press("6")
                .on(Cue.played(PromptKey.VM_NO_MORE_MESSAGES)).press("*")
                .on(Cue.playing(PromptKey.VM_MAIN_PLAY_NEW)).press("#");

        assertThat(run(line)).isEqualTo(VoiceApplication.HANG_UP);
        assertThat(line.heard()).contains("message:" + fromCarl.id()).doesNotContain("message:" + fromAlice.id());
        assertThat(rig.messages.counts("1002")).as("the new one stays new").isEqualTo(new MessageCounts(1, 0, 1));
    }
}
