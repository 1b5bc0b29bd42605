package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneListTest {

    @Test
    void aContinuousDualToneIsOneElementForEver() {
        ToneList dial = ToneList.parse("350+440");
        assertThat(dial.segments()).containsExactly(new ToneSegment(350, 440, false, 0, false));
        assertThat(dial.repeatFrom()).isZero();
        assertThat(dial.finite()).isFalse();
    }

    @Test
    void aCadenceRepeatsFromItsFirstElement() {
        ToneList busy = ToneList.parse("480+620/500,0/500");
        assertThat(busy.segments()).containsExactly(
                new ToneSegment(480, 620, false, 500, false), new ToneSegment(0, 0, false, 500, false));
        assertThat(busy.repeatFrom()).isZero();
        assertThat(busy.segments().get(1).silent()).isTrue();
    }

    @Test
    void markedElementsPlayOnceAndTheRestRepeats() {
        ToneList list = ToneList.parse("!480+620/500, !0/500, 440/300 ,0/10000");
        assertThat(list.repeatFrom()).isEqualTo(2);
        assertThat(list.segments().get(0).once()).isTrue();
        assertThat(list.finite()).isFalse();
        ToneList beep = ToneList.parse("!1000/250");
        assertThat(beep.repeatFrom()).isEqualTo(-1);
        assertThat(beep.finite()).isTrue();
    }

    @Test
    void aModulatedToneIsRead() {
        assertThat(ToneList.parse("425*25/1000").segments())
                .containsExactly(new ToneSegment(425, 25, true, 1000, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "350+440", "480+620/500,0/500", "440/300,0/10000", "!350+440/100,!0/100,350+440", "425*25/1000"})
    void textRoundTrips(String text) {
        ToneList list = ToneList.parse(text);
        assertThat(list.text()).isEqualTo(text);
        assertThat(ToneList.parse(list.text())).isEqualTo(list);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                   | tone list is empty",
        "480+620/500,,0/500   | element 2 \"\": empty element",
        "480+620/500,         | element 2 \"\": empty element",
        "480+abc/500          | element 1 \"480+abc/500\": second frequency \"abc\" is not a whole number",
        "480/-5               | duration \"-5\" is not a whole number",
        "480/                 | duration is missing",
        "+620                 | frequency is missing",
        "480+620*3            | use either + (two tones) or * (modulation), not both",
        "425*0                | a modulated tone (f1*f2) needs two non-zero frequencies",
        "99999/500            | frequency 99999 is above the limit of 20000",
        "440/99999999999      | duration 99999999999 is above the limit of 3600000",
        "M60/500              | MIDI note numbers (M...) are not supported",
        "440 Hz               | frequency \"440 Hz\" is not a whole number"})
    void badTextIsRefusedSayingWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ToneList.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theMessageQuotesTheWholeList() {
        assertThatThrownBy(() -> ToneList.parse("480+620/500,0/x"))
                .hasMessage("tone list \"480+620/500,0/x\", element 2 \"0/x\": duration \"x\" is not a whole number");
    }
}
