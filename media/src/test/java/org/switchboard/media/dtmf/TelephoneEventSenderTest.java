package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelephoneEventSenderTest {

    private final TelephoneEventSender sender = new TelephoneEventSender(8000);

    private static TelephoneEventPacket packet(long at, int timestamp, boolean marker, DtmfDigit digit, boolean end,
                                               int duration) {
        return new TelephoneEventPacket(at, timestamp, marker, TelephoneEvent.of(digit, end, 10, duration));
    }

    @Test
    void a200MsPressIsSentLikeTheRfcExample() {
        List<TelephoneEventPacket> packets = sender.schedule(DtmfDigit.NINE, 200, 0, 0);

        assertThat(packets).containsExactly(
                packet(50, 0, true, DtmfDigit.NINE, false, 400),
                packet(100, 0, false, DtmfDigit.NINE, false, 800),
                packet(150, 0, false, DtmfDigit.NINE, false, 1200),
                packet(200, 0, false, DtmfDigit.NINE, true, 1600),
                packet(250, 0, false, DtmfDigit.NINE, true, 1600),
                packet(300, 0, false, DtmfDigit.NINE, true, 1600));
    }

    @Test
    void anEndBetweenTicksIsSentAtTheNextTickWithItsExactDuration() {
        List<TelephoneEventPacket> packets = sender.schedule(DtmfDigit.ONE, 190, 7040, 880);

        assertThat(packets).containsExactly(
                packet(930, 7040, true, DtmfDigit.ONE, false, 400),
                packet(980, 7040, false, DtmfDigit.ONE, false, 800),
                packet(1030, 7040, false, DtmfDigit.ONE, false, 1200),
                packet(1080, 7040, false, DtmfDigit.ONE, true, 1520),
                packet(1130, 7040, false, DtmfDigit.ONE, true, 1520),
                packet(1180, 7040, false, DtmfDigit.ONE, true, 1520));
    }

    @Test
    void aPressShorterThanOneIntervalIsItsFirstAndLastPacket() {
        TelephoneEventSender every20 = new TelephoneEventSender(8000, 20, 7);

        assertThat(every20.schedule(DtmfDigit.STAR, 15, 99, 0)).containsExactly(
                new TelephoneEventPacket(20, 99, true, TelephoneEvent.of(DtmfDigit.STAR, true, 7, 120)),
                new TelephoneEventPacket(40, 99, false, TelephoneEvent.of(DtmfDigit.STAR, true, 7, 120)),
                new TelephoneEventPacket(60, 99, false, TelephoneEvent.of(DtmfDigit.STAR, true, 7, 120)));
    }

    @Test
    void aLongPressIsSplitIntoSegmentsOf0xFFFFUnits() {
        int start = -100; // wraps past 2^32 within the press
        List<TelephoneEventPacket> packets = sender.schedule(DtmfDigit.ZERO, 10_000, start, 0);

        assertThat(packets.subList(162, 170)).containsExactly(
                packet(8150, start, false, DtmfDigit.ZERO, false, 65200),
                packet(8200, start, false, DtmfDigit.ZERO, false, 0xFFFF),
                packet(8200, start + 0xFFFF, false, DtmfDigit.ZERO, false, 65),
                packet(8250, start, false, DtmfDigit.ZERO, false, 0xFFFF),
                packet(8250, start + 0xFFFF, false, DtmfDigit.ZERO, false, 465),
                packet(8300, start, false, DtmfDigit.ZERO, false, 0xFFFF),
                packet(8300, start + 0xFFFF, false, DtmfDigit.ZERO, false, 865),
                packet(8350, start + 0xFFFF, false, DtmfDigit.ZERO, false, 1265));
        assertThat(packets.getLast()).isEqualTo(packet(10_100, start + 0xFFFF, false, DtmfDigit.ZERO, true, 80_000 - 0xFFFF));
        assertThat(packets).filteredOn(TelephoneEventPacket::marker).hasSize(1);
    }

    @Test
    void whatItSendsTheReceiverHearsAsOnePressOfTheRightLength() {
        int[][] cases = {{8000, 50, 200}, {8000, 50, 190}, {8000, 20, 95}, {8000, 50, 40}, {48000, 20, 120},
                {16000, 50, 20_000}, {8000, 50, 60_000}};
        for (int[] c : cases) {
            TelephoneEventSender s = new TelephoneEventSender(c[0], c[1], 10);
            TelephoneEventReceiver r = new TelephoneEventReceiver(c[0]);
            RecordingListener heard = new RecordingListener();
            for (TelephoneEventPacket p : s.schedule(DtmfDigit.C, c[2], 123_456, 1000)) {
                byte[] payload = new byte[4];
                p.writePayload(payload, 0);
                r.poll(p.sendAt(), heard);
                r.receive(p.sendAt(), p.timestamp(), p.marker(), payload, 0, payload.length, heard);
            }

            assertThat(heard.events).as("clock %d, interval %d, %d ms", c[0], c[1], c[2])
                    .containsExactly(new DtmfEvent(DtmfDigit.C, c[2], DtmfSource.TELEPHONE_EVENT));
            assertThat(heard.starts).hasSize(1);
        }
    }

    @Test
    void pollHandsOutPacketsAsTheClockPasses() {
        sender.press(DtmfDigit.FOUR, 100, 555, 10_000);

        assertThat(sender.poll(10_049)).isEmpty();
        assertThat(sender.poll(10_050)).contains(packet(10_050, 555, true, DtmfDigit.FOUR, false, 400));
        assertThat(sender.poll(10_050)).isEmpty();
        List<TelephoneEventPacket> late = new ArrayList<>();
        for (Optional<TelephoneEventPacket> p = sender.poll(10_500); p.isPresent(); p = sender.poll(10_500)) {
            late.add(p.get());
        }
        assertThat(late).extracting(TelephoneEventPacket::sendAt).containsExactly(10_100L, 10_150L, 10_200L);
        assertThat(late).allMatch(p -> p.event().end());
        assertThat(sender.idle()).isTrue();
    }

    @Test
    void aSecondPressWaitsForTheFirstToBeSent() {
        sender.press(DtmfDigit.FOUR, 100, 0, 0);

        assertThatThrownBy(() -> sender.press(DtmfDigit.FIVE, 100, 800, 10)).isInstanceOf(IllegalStateException.class);

        sender.cancel();
        sender.press(DtmfDigit.FIVE, 100, 800, 10);
        assertThat(sender.idle()).isFalse();
    }

    @Test
    void writesThePayloadIntoTheCallersArray() {
        byte[] rtp = new byte[16];

        int length = sender.schedule(DtmfDigit.POUND, 200, 0, 0).getLast().writePayload(rtp, 12);

        assertThat(length).isEqualTo(4);
        assertThat(rtp).endsWith(11, 0x8A, 0x06, 0x40);
    }

    @Test
    void unusableSettingsAreRejected() {
        assertThatThrownBy(() -> new TelephoneEventSender(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEventSender(8000, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEventSender(8000, 50, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.schedule(DtmfDigit.ONE, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.schedule(DtmfDigit.ONE, 600_001, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
