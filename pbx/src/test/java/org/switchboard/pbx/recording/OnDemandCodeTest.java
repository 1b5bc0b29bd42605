package org.switchboard.pbx.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.record.Party;

class OnDemandCodeTest {

    private final OnDemandCode code = new OnDemandCode();

    @Test
    void starThenOneWithinTwoSeconds() {
        assertThat(code.press(Party.CALLEE, DtmfDigit.STAR, 1000)).isFalse();
        assertThat(code.press(Party.CALLEE, DtmfDigit.ONE, 3000)).isTrue();
        assertThat(code.press(Party.CALLEE, DtmfDigit.ONE, 3100)).as("the code is used up").isFalse();
    }

    @Test
    void tooSlowAnotherKeyInBetweenOrTheOtherPartyDoesNotCount() {
        code.press(Party.CALLER, DtmfDigit.STAR, 0);
        assertThat(code.press(Party.CALLER, DtmfDigit.ONE, 2001)).isFalse();
        code.press(Party.CALLER, DtmfDigit.STAR, 5000);
        code.press(Party.CALLER, DtmfDigit.TWO, 5100);
        assertThat(code.press(Party.CALLER, DtmfDigit.ONE, 5200)).isFalse();
        code.press(Party.CALLER, DtmfDigit.STAR, 9000);
        assertThat(code.press(Party.CALLEE, DtmfDigit.ONE, 9100)).isFalse();
        assertThat(code.press(Party.CALLER, DtmfDigit.ONE, 9200)).isTrue();
    }

    @Test
    void aRepeatedStarStartsTheWindowAgain() {
        code.press(Party.CALLER, DtmfDigit.STAR, 0);
        code.press(Party.CALLER, DtmfDigit.STAR, 1900);
        assertThat(code.press(Party.CALLER, DtmfDigit.ONE, 3500)).isTrue();
    }
}
