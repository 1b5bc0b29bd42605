package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelephoneEventReceiverTest {

    /** One telephone-event packet as it arrives: arrival time, RTP timestamp and marker, payload fields. */
    record Packet(long at, int timestamp, boolean marker, int code, boolean end, int duration) {
        static Packet first(long at, int timestamp, int code, int duration) {
            return new Packet(at, timestamp, true, code, false, duration);
        }

        static Packet update(long at, int timestamp, int code, int duration) {
            return new Packet(at, timestamp, false, code, false, duration);
        }

        static Packet end(long at, int timestamp, int code, int duration) {
            return new Packet(at, timestamp, false, code, true, duration);
        }

        byte[] payload() {
            byte[] p = new byte[4];
            new TelephoneEvent(code, end, false, 10, duration).write(p, 0);
            return p;
        }
    }

    /**
     * The packet train of RFC 4733 §5's example at 8 kHz with 50 ms updates: "9" for 200 ms from
     * timestamp 0, then "1" for 190 ms from 880 ms (timestamp 7040), then "1" again for 210 ms
     * from 1200 ms (timestamp 9600); each end packet sent three times.
     */
    static final List<Packet> RFC_EXAMPLE = List.of(
            Packet.first(50, 0, 9, 400),
            Packet.update(100, 0, 9, 800),
            Packet.update(150, 0, 9, 1200),
            Packet.end(200, 0, 9, 1600),
            Packet.end(250, 0, 9, 1600),
            Packet.end(300, 0, 9, 1600),
            Packet.first(930, 7040, 1, 400),
            Packet.update(980, 7040, 1, 800),
            Packet.update(1030, 7040, 1, 1200),
            Packet.end(1080, 7040, 1, 1520),
            Packet.end(1130, 7040, 1, 1520),
            Packet.end(1180, 7040, 1, 1520),
            Packet.first(1250, 9600, 1, 400),
            Packet.update(1300, 9600, 1, 800),
            Packet.update(1350, 9600, 1, 1200),
            Packet.update(1400, 9600, 1, 1600),
            Packet.end(1450, 9600, 1, 1680),
            Packet.end(1500, 9600, 1, 1680),
            Packet.end(1550, 9600, 1, 1680));

    private final TelephoneEventReceiver receiver = new TelephoneEventReceiver(8000);
    private final RecordingListener heard = new RecordingListener();

    private void feed(List<Packet> packets) {
        for (Packet p : packets) {
            receiver.poll(p.at(), heard);
            byte[] payload = p.payload();
            receiver.receive(p.at(), p.timestamp(), p.marker(), payload, 0, payload.length, heard);
        }
    }

    private List<Integer> durations() {
        return heard.events.stream().map(DtmfEvent::durationMillis).toList();
    }

    @Test
    void theRfcExampleGivesOnePressPerKey() {
        feed(RFC_EXAMPLE);

        assertThat(heard.digits()).isEqualTo("911");
        assertThat(durations()).containsExactly(200, 190, 210);
        assertThat(heard.starts).containsExactly(DtmfDigit.NINE, DtmfDigit.ONE, DtmfDigit.ONE);
        assertThat(heard.events).allMatch(e -> e.source() == DtmfSource.TELEPHONE_EVENT);
        assertThat(receiver.pressing()).isFalse();
    }

    @Test
    void aPressStartsAtItsFirstPacketAndEndsAtItsFirstEndPacket() {
        feed(RFC_EXAMPLE.subList(0, 1));
        assertThat(heard.starts).containsExactly(DtmfDigit.NINE);
        assertThat(heard.events).isEmpty();

        feed(RFC_EXAMPLE.subList(1, 4));
        assertThat(heard.digits()).isEqualTo("9");

        feed(RFC_EXAMPLE.subList(4, 6));
        assertThat(heard.digits()).isEqualTo("9");
    }

    @Test
    void losingTheFirstPacketLosesNothing() {
        List<Packet> lossy = new ArrayList<>(RFC_EXAMPLE);
        lossy.remove(12);
        lossy.remove(6);
        lossy.remove(0);

        feed(lossy);

        assertThat(heard.digits()).isEqualTo("911");
        assertThat(durations()).containsExactly(200, 190, 210);
    }

    @Test
    void aPressWhoseEndPacketsWereAllLostEndsAfterTheTimeout() {
        feed(RFC_EXAMPLE.subList(0, 3));

        receiver.poll(150 + 299, heard);
        assertThat(heard.events).isEmpty();

        receiver.poll(150 + 300, heard);
        assertThat(heard.digits()).isEqualTo("9");
        assertThat(durations()).containsExactly(150);
    }

    @Test
    void aPressWhoseEndPacketsWereLostEndsWhenTheNextKeyStarts() {
        TelephoneEventReceiver patient = new TelephoneEventReceiver(8000, 5000);
        List<Packet> lossy = new ArrayList<>(RFC_EXAMPLE);
        lossy.subList(3, 6).clear();
        for (Packet p : lossy) {
            byte[] payload = p.payload();
            patient.receive(p.at(), p.timestamp(), p.marker(), payload, 0, payload.length, heard);
        }

        assertThat(heard.digits()).isEqualTo("911");
        assertThat(durations()).containsExactly(150, 190, 210);
    }

    @Test
    void onlyEndPacketsArrivingStillMakeOnePress() {
        feed(RFC_EXAMPLE.subList(4, 6));

        assertThat(heard.digits()).isEqualTo("9");
        assertThat(durations()).containsExactly(200);
        assertThat(heard.starts).containsExactly(DtmfDigit.NINE);
    }

    @Test
    void reorderedPacketsDoNotMakeExtraPresses() {
        List<Packet> shuffled = new ArrayList<>(RFC_EXAMPLE);
        Collections.swap(shuffled, 1, 2);   // updates out of order
        Collections.swap(shuffled, 2, 3);   // end before the last update
        Collections.swap(shuffled, 11, 12); // next key's first packet before the last end retransmission

        feed(shuffled);

        assertThat(heard.digits()).isEqualTo("911");
        assertThat(durations()).containsExactly(200, 190, 210);
    }

    @Test
    void duplicatedPacketsDoNotMakeExtraPresses() {
        List<Packet> doubled = new ArrayList<>();
        for (Packet p : RFC_EXAMPLE) {
            doubled.add(p);
            doubled.add(p);
        }

        feed(doubled);

        assertThat(heard.digits()).isEqualTo("911");
    }

    @Test
    void lateCopiesOfAnEndedPressAreIgnored() {
        feed(RFC_EXAMPLE.subList(0, 6));
        feed(List.of(Packet.update(900, 0, 9, 1200), Packet.end(1200, 0, 9, 1600), Packet.first(1300, 0, 9, 400)));

        assertThat(heard.digits()).isEqualTo("9");
    }

    @Test
    void randomLossReorderingAndDuplicationKeepTheKeys() {
        Random random = new Random(4733);
        for (int round = 0; round < 200; round++) {
            RecordingListener listener = new RecordingListener();
            TelephoneEventReceiver fresh = new TelephoneEventReceiver(8000);
            List<Packet> mangled = new ArrayList<>();
            for (Packet p : RFC_EXAMPLE) {
                if (random.nextInt(10) != 0) {
                    mangled.add(p);
                }
                if (random.nextInt(10) == 0) {
                    mangled.add(p);
                }
            }
            for (int i = 1; i < mangled.size(); i++) {
                if (random.nextInt(5) == 0 && mangled.get(i).timestamp() == mangled.get(i - 1).timestamp()) {
                    Collections.swap(mangled, i, i - 1);
                }
            }
            for (Packet p : mangled) {
                fresh.poll(p.at(), listener);
                byte[] payload = p.payload();
                fresh.receive(p.at(), p.timestamp(), p.marker(), payload, 0, payload.length, listener);
            }
            fresh.poll(10_000, listener);

            assertThat(listener.digits()).as("round %d: %s", round, mangled).isEqualTo("911");
        }
    }

    @Test
    void theSameKeyPressedTwiceIsTwoPresses() {
        feed(List.of(Packet.first(0, 800, 5, 400), Packet.end(50, 800, 5, 640), Packet.end(100, 800, 5, 640),
                Packet.first(200, 2400, 5, 400), Packet.end(250, 2400, 5, 720), Packet.end(300, 2400, 5, 720)));

        assertThat(heard.digits()).isEqualTo("55");
        assertThat(durations()).containsExactly(80, 90);
    }

    /** Updates every 50 ms of a press of {@code code} from timestamp {@code start}, up to {@code units} (exclusive). */
    private static List<Packet> updates(int start, int code, int units) {
        List<Packet> packets = new ArrayList<>();
        packets.add(Packet.first(50, start, code, 400));
        for (int d = 800; d < units; d += 400) {
            packets.add(Packet.update(d / 8, start, code, d));
        }
        return packets;
    }

    @Test
    void aLongPressInSegmentsIsOnePress() {
        int start = 1000;
        List<Packet> packets = updates(start, 0, 0xFFFF);
        packets.add(Packet.update(8200, start, 0, 0xFFFF));
        packets.add(Packet.update(8200, start + 0xFFFF, 0, 65));
        packets.add(Packet.update(8250, start, 0, 0xFFFF)); // the segment's end, retransmitted
        packets.add(Packet.update(8250, start + 0xFFFF, 0, 465));
        packets.add(Packet.end(8300, start + 0xFFFF, 0, 800));
        packets.add(Packet.end(8350, start + 0xFFFF, 0, 800));

        feed(packets);

        assertThat(heard.digits()).isEqualTo("0");
        assertThat(durations()).containsExactly((0xFFFF + 800) / 8 + 1);
        assertThat(heard.starts).hasSize(1);
    }

    @Test
    void aSegmentWhoseLastReportWasLostStillContinuesThePress() {
        int start = 5;
        List<Packet> packets = updates(start, 3, 0xFFFF);
        packets.add(Packet.update(8250, start + 0xFFFF, 3, 465));
        packets.add(Packet.end(8300, start + 0xFFFF, 3, 800));

        feed(packets);

        assertThat(heard.digits()).isEqualTo("3");
        assertThat(durations()).containsExactly((0xFFFF + 800) / 8 + 1);
    }

    @Test
    void aDurationFieldWrappingPast0xFFFFUnderOneTimestampStaysOnePress() {
        int start = 42;
        List<Packet> packets = updates(start, 7, 0xFFFF);
        packets.add(Packet.update(8200, start, 7, 65600 & 0xFFFF));
        packets.add(Packet.update(8210, start, 7, 65200)); // a straggler from before the wrap
        packets.add(Packet.update(8250, start, 7, 66000 & 0xFFFF));
        packets.add(Packet.end(8300, start, 7, 66400 & 0xFFFF));
        packets.add(Packet.end(8350, start, 7, 66400 & 0xFFFF));

        feed(packets);

        assertThat(heard.digits()).isEqualTo("7");
        assertThat(durations()).containsExactly(66400 / 8);
    }

    @Test
    void timestampsWrappingPast2To32AreStillNewer() {
        int nearWrap = 0xFFFF_FF00;
        feed(List.of(Packet.first(0, nearWrap, 1, 400), Packet.end(50, nearWrap, 1, 800),
                Packet.first(200, nearWrap + 1600, 2, 400), Packet.end(250, nearWrap + 1600, 2, 800)));

        assertThat(heard.digits()).isEqualTo("12");
    }

    @Test
    void aStreamWhoseTimestampsJumpedBackIsHeardAfterTheStaleHorizon() {
        feed(List.of(Packet.first(0, 100_000, 1, 400), Packet.end(50, 100_000, 1, 800)));
        feed(List.of(Packet.first(1000, 50_000, 2, 400), Packet.end(1050, 50_000, 2, 800)));
        assertThat(heard.digits()).isEqualTo("1");

        feed(List.of(Packet.first(3000, 60_000, 3, 400), Packet.end(3050, 60_000, 3, 800)));
        assertThat(heard.digits()).isEqualTo("13");
    }

    @Test
    void resetForgetsTheOldSource() {
        feed(List.of(Packet.first(0, 100_000, 1, 400), Packet.end(50, 100_000, 1, 800)));
        receiver.reset();
        feed(List.of(Packet.first(100, 100_000, 4, 400), Packet.end(150, 100_000, 4, 800)));

        assertThat(heard.digits()).isEqualTo("14");
    }

    @Test
    void nonDtmfEventsAndShortPayloadsAreIgnored() {
        receiver.receive(0, 0, true, new byte[] {16, 10, 1, (byte) 144}, 0, 4, heard);
        receiver.receive(0, 160, true, new byte[] {5, 10, 1}, 0, 3, heard);
        receiver.receive(0, 320, true, new byte[0], 0, 0, heard);
        receiver.poll(5000, heard);

        assertThat(heard.events).isEmpty();
        assertThat(heard.starts).isEmpty();
    }

    @Test
    void durationsFollowTheClockRate() {
        TelephoneEventReceiver wideband = new TelephoneEventReceiver(48000);
        byte[] end = new byte[4];
        TelephoneEvent.of(DtmfDigit.EIGHT, true, 10, 4800).write(end, 0);

        wideband.receive(0, 0, true, end, 0, 4, heard);

        assertThat(heard.events).containsExactly(new DtmfEvent(DtmfDigit.EIGHT, 100, DtmfSource.TELEPHONE_EVENT));
    }
}
