package org.switchboard.pbx.voicemail.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceApplications.Unanswered;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voicemail.VoicemailRig;
import org.switchboard.pbx.voicemail.greeting.DivertReason;

class VoicemailApplicationsTest {
    private static final VoiceCaller ALICE = VoicemailRig.caller("1001", "Alice", "1001", "1002");

    @TempDir Path dir;

    @Test
    void anUnansweredExtensionGoesToItsMailboxAndOtherTargetsDoNot() {
        VoiceApplications voicemail = new VoicemailRig(dir).applications();
        for (Unanswered why : Unanswered.values()) assertThat(voicemail.unanswered("1002", why, ALICE)).isPresent();
        assertThat(voicemail.unanswered("sales", Unanswered.NO_ANSWER, ALICE)).isEmpty();
        assertThat(voicemail.unanswered("0041215551234", Unanswered.BUSY, ALICE)).isEmpty();
    }

    @Test
    void theMailboxServiceNumbersAreStarNinetySevenAndNinetyEight() {
        VoiceApplications voicemail = new VoicemailRig(dir).applications();
        assertThat(voicemail.service(VoicemailApplications.OWN_MAILBOX, ALICE)).isPresent();
        assertThat(voicemail.service(VoicemailApplications.ANY_MAILBOX, ALICE)).isPresent();
        assertThat(voicemail.service("*99", ALICE)).isEmpty();
        assertThat(voicemail.service("1002", ALICE)).isEmpty();
    }

    @Test
    void whyACallCameChoosesTheGreetingReason() {
        assertThat(VoicemailApplications.reason(Unanswered.NO_ANSWER)).isEqualTo(DivertReason.NO_ANSWER);
        assertThat(VoicemailApplications.reason(Unanswered.BUSY)).isEqualTo(DivertReason.BUSY);
        assertThat(VoicemailApplications.reason(Unanswered.UNAVAILABLE)).isEqualTo(DivertReason.NOT_REGISTERED);
    }
}
