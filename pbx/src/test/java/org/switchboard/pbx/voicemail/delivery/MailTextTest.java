package org.switchboard.pbx.voicemail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;

class MailTextTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final VoicemailMessage MESSAGE = new VoicemailMessage("20260302T130500000Z-0000abcd", "1002", Folder.NEW,
            new Caller("1001", "Alice"), Instant.parse("2026-03-02T13:05:00Z"), Duration.ofMillis(42_400));

    @Test
    void englishSaysCallerTimeAndDuration() {
        MailText text = MailText.of(MESSAGE, EmailMode.ATTACH, MailboxLanguage.EN, ZURICH);
        assertThat(text.subject()).isEqualTo("Voicemail from Alice <1001> (0:42)");
        assertThat(text.body()).isEqualTo("""
                New voicemail in mailbox 1002.

                From:     Alice <1001>
                Received: Monday 2 March 2026, 14:05
                Duration: 0:42

                The recording is attached.
                """);
    }

    @Test
    void frenchAndGermanAreWrittenInTheirOwnWords() {
        MailText fr = MailText.of(MESSAGE, EmailMode.NOTIFY, MailboxLanguage.FR, ZURICH);
        assertThat(fr.subject()).isEqualTo("Message vocal de Alice <1001> (0:42)");
        assertThat(fr.body()).contains("Reçu le : lundi 2 mars 2026 à 14:05").contains("Durée :   0:42")
                .contains("messagerie vocale de votre téléphone").doesNotContain("joint");
        MailText de = MailText.of(MESSAGE, EmailMode.ATTACH_DELETE, MailboxLanguage.DE, ZURICH);
        assertThat(de.subject()).isEqualTo("Sprachnachricht von Alice <1001> (0:42)");
        assertThat(de.body()).contains("Empfangen: Montag, 2. März 2026, 14:05 Uhr")
                .contains("angehängt und wurde aus dem Postfach entfernt");
    }

    @Test
    void unknownCallersAndLongMessagesReadNaturally() {
        VoicemailMessage anonymous = new VoicemailMessage(MESSAGE.id(), "1002", Folder.NEW, Caller.UNKNOWN,
                MESSAGE.receivedAt(), Duration.ofSeconds(3723));
        assertThat(MailText.of(anonymous, EmailMode.ATTACH, MailboxLanguage.EN, ZURICH).subject())
                .isEqualTo("Voicemail from unknown caller (1:02:03)");
        assertThat(MailText.of(anonymous, EmailMode.ATTACH, MailboxLanguage.DE, ZURICH).subject())
                .contains("unbekannter Anrufer");
        assertThat(MailText.caller(new Caller("", "Reception"), "?")).isEqualTo("Reception");
        assertThat(MailText.caller(new Caller("1001", "1001"), "?")).isEqualTo("1001");
    }

    @Test
    void theAttachmentIsNamedAfterMailboxLocalTimeAndCaller() {
        assertThat(MailText.attachmentName(MESSAGE, ZURICH)).isEqualTo("voicemail-1002-20260302-140500-from-1001.wav");
        VoicemailMessage odd = new VoicemailMessage(MESSAGE.id(), "1002", Folder.NEW, new Caller("../x\"y", ""),
                MESSAGE.receivedAt(), MESSAGE.duration());
        assertThat(MailText.attachmentName(odd, ZURICH)).isEqualTo("voicemail-1002-20260302-140500.wav");
    }
}
