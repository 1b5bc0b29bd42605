package org.switchboard.pbx.mwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageSummaryTest {

    @Test
    void theBodyIsPrintedAsRfc3842AndDeskPhonesReadIt() {
        MessageSummary s = MessageSummary.of("sip:1001@pbx.example.com", VoiceCounts.of(2, 8));
        assertThat(s.print()).isEqualTo("Messages-Waiting: yes\r\n"
                + "Message-Account: sip:1001@pbx.example.com\r\n"
                + "Voice-Message: 2/8 (0/0)\r\n");
    }

    @Test
    void theLampIsOffWithoutNewMessages() {
        assertThat(MessageSummary.of("sip:1001@pbx.example.com", VoiceCounts.of(0, 3)).print())
                .startsWith("Messages-Waiting: no\r\n");
    }

    @Test
    void printedSummariesParseBack() {
        MessageSummary s = new MessageSummary(true, Optional.of("sip:1@x"), Optional.of(new VoiceCounts(4, 8, 1, 2)));
        assertThat(MessageSummary.parse(s.print())).hasValue(s);
    }

    @Test
    void theRfcExampleParsesWithItsOptionalHeaders() {
        String body = "Messages-Waiting: yes\r\n"
                + "Message-Account: sip:alice@vmail.example.com\r\n"
                + "Voice-Message: 4/8 (1/2)\r\n"
                + "Fax-Message: 1/0\r\n"
                + "\r\n"
                + "To: <alice@atlanta.example.com>\r\n"
                + "Subject: carpool tomorrow?\r\n";
        assertThat(MessageSummary.parse(body)).hasValue(new MessageSummary(true,
                Optional.of("sip:alice@vmail.example.com"), Optional.of(new VoiceCounts(4, 8, 1, 2))));
    }

    @Test
    void lenientInCaseSpacesAndLineEnds() {
        assertThat(MessageSummary.parse("messages-waiting : NO\nvoice-message: 0 / 3\n")).hasValue(
                new MessageSummary(false, Optional.empty(), Optional.of(VoiceCounts.of(0, 3))));
    }

    @Test
    void whatIsNotASummaryIsRefused() {
        assertThat(MessageSummary.parse("")).isEmpty();
        assertThat(MessageSummary.parse("Voice-Message: 1/0\r\nMessages-Waiting: yes\r\n")).isEmpty();
        assertThat(MessageSummary.parse("Messages-Waiting: maybe\r\n")).isEmpty();
        assertThat(MessageSummary.parse("Messages-Waiting: yes\r\nVoice-Message: 1\r\n")).isEmpty();
        assertThat(MessageSummary.parse("Messages-Waiting: yes\r\nVoice-Message: -1/0\r\n")).isEmpty();
        assertThat(MessageSummary.parse("Messages-Waiting: yes\r\nVoice-Message: 1/0 (1/0\r\n")).isEmpty();
        assertThat(MessageSummary.parse("Messages-Waiting: yes\r\n" + "x".repeat(5000))).isEmpty();
        assertThat(MessageSummary.parse(null)).isEmpty();
    }

    @Test
    void anAccountMustBeAUriOnOneLine() {
        assertThatThrownBy(() -> new MessageSummary(true, Optional.of("sip:a\r\nX: y"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoiceCounts.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
