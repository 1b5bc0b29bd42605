package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DtmfDigitTest {

    @Test
    void eventCodesFollowRfc4733Section3point2() {
        assertThat(DtmfDigit.fromCode(0)).contains(DtmfDigit.ZERO);
        assertThat(DtmfDigit.fromCode(9)).contains(DtmfDigit.NINE);
        assertThat(DtmfDigit.fromCode(10)).contains(DtmfDigit.STAR);
        assertThat(DtmfDigit.fromCode(11)).contains(DtmfDigit.POUND);
        assertThat(DtmfDigit.fromCode(12)).contains(DtmfDigit.A);
        assertThat(DtmfDigit.fromCode(15)).contains(DtmfDigit.D);
        for (DtmfDigit d : DtmfDigit.values()) {
            assertThat(DtmfDigit.fromCode(d.code())).contains(d);
        }
    }

    @Test
    void codesOtherThanDtmfAreNotDigits() {
        assertThat(DtmfDigit.fromCode(16)).isEmpty(); // flash
        assertThat(DtmfDigit.fromCode(-1)).isEmpty();
        assertThat(DtmfDigit.fromCode(255)).isEmpty();
        assertThat(DtmfDigit.isCode(16)).isFalse();
    }

    @Test
    void symbolsRoundTripAndLettersIgnoreCase() {
        assertThat(DtmfDigit.fromChar('*')).contains(DtmfDigit.STAR);
        assertThat(DtmfDigit.fromChar('#')).contains(DtmfDigit.POUND);
        assertThat(DtmfDigit.fromChar('b')).contains(DtmfDigit.B);
        assertThat(DtmfDigit.fromChar('E')).isEmpty();
        assertThat(DtmfDigit.fromChar(' ')).isEmpty();
        for (DtmfDigit d : DtmfDigit.values()) {
            assertThat(DtmfDigit.fromChar(d.symbol())).contains(d);
        }
    }

    @Test
    void tonesFollowTheQ23Keypad() {
        String keypad = "123A456B789C*0#D";
        int[] rows = {697, 770, 852, 941};
        int[] columns = {1209, 1336, 1477, 1633};
        for (int i = 0; i < 16; i++) {
            DtmfDigit d = DtmfDigit.fromChar(keypad.charAt(i)).orElseThrow();
            assertThat(d.rowHz()).as("%s", d).isEqualTo(rows[i / 4]);
            assertThat(d.columnHz()).as("%s", d).isEqualTo(columns[i % 4]);
        }
    }
}
