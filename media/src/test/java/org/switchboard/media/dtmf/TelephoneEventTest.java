package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void parsesTheEndOfDigit9AfterDuration1600() {
        byte[] payload = {0x09, (byte) 0x8A, 0x06, 0x40};

        TelephoneEventParseResult result = TelephoneEvent.parse(payload, 0, 4);

        assertThat(result).isEqualTo(new TelephoneEventParseResult.Parsed(new TelephoneEvent(9, true, false, 10, 1600)));
        assertThat(((TelephoneEventParseResult.Parsed) result).event().digit()).contains(DtmfDigit.NINE);
    }

    @Test
    void readsTheReservedBitAndMaximumFields() {
        byte[] payload = {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x10, 0x7F, 0x00, 0x00};

        assertThat(TelephoneEvent.parse(payload, 0, 8))
                .isEqualTo(new TelephoneEventParseResult.Parsed(new TelephoneEvent(0, true, true, 63, 0xFFFF)));
        assertThat(TelephoneEvent.parse(payload, 4, 4))
                .isEqualTo(new TelephoneEventParseResult.Parsed(new TelephoneEvent(16, false, true, 63, 0)));
    }

    @Test
    void nonDtmfEventsParseButHaveNoDigit() {
        TelephoneEventParseResult result = TelephoneEvent.parse(new byte[] {16, 10, 0, (byte) 160}, 0, 4);

        assertThat(((TelephoneEventParseResult.Parsed) result).event().digit()).isEmpty();
    }

    @Test
    void aShortPayloadIsAFailureNotAnException() {
        assertThat(TelephoneEvent.parse(new byte[] {9, 0, 0}, 0, 3))
                .isEqualTo(new TelephoneEventParseResult.Failed("telephone-event payload shorter than 4 bytes"));
        assertThat(TelephoneEvent.parse(new byte[0], 0, 0)).isInstanceOf(TelephoneEventParseResult.Failed.class);
    }

    @Test
    void writesWhatItParses() {
        TelephoneEvent event = TelephoneEvent.of(DtmfDigit.POUND, true, 10, 1520);
        byte[] out = new byte[6];

        assertThat(event.write(out, 2)).isEqualTo(4);
        assertThat(out).containsExactly(0, 0, 11, 0x8A, 0x05, (byte) 0xF0);
        assertThat(TelephoneEvent.parse(out, 2, 4)).isEqualTo(new TelephoneEventParseResult.Parsed(event));
    }

    @Test
    void fieldsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new TelephoneEvent(256, false, false, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, false, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, false, 10, 0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelephoneEvent.of(DtmfDigit.ONE, false, 10, 0).write(new byte[3], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
