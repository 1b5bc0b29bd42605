package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.dtmf.InbandDtmfDetector;
import org.switchboard.media.dtmf.TelephoneEvent;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.dtmf.TelephoneEventParseResult;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.rtp.RtpView;

/** Key presses both ways: RFC 4733 events and tones in the audio. */
class LegAudioDtmfTest {

    private static final long START = 9_000_000_000L;
    private static final long PTIME = 20_000_000L;
    private static final int EVENT_PT = 101;

    private final Capture.Packets out = new Capture.Packets();
    private final Capture.Events events = new Capture.Events();

    private LegAudio leg(LegAudioConfig config) {
        return new LegAudio(config, events, new SplittableRandom(5), START);
    }

    private static LegAudioConfig pcmu() {
        return LegAudioConfig.of(G711.PCMU, 0, "test@switchboard");
    }

    @Test
    void anRfc4733PressIsReportedOnceWithItsDuration() {
        LegAudio leg = leg(pcmu().withTelephoneEvent(EVENT_PT, 8000));
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        List<TelephoneEventPacket> press = new TelephoneEventSender(8000, 20, 10)
                .schedule(DtmfDigit.FIVE, 120, (int) phone.timestamp, 0);
        int next = 0;
        for (int i = 0; i < 40; i++) {
            long now = START + i * PTIME;
            if (i >= 10 && next < press.size() && press.get(next).sendAt() <= (i - 10) * 20L) {
                while (next < press.size() && press.get(next).sendAt() <= (i - 10) * 20L) {
                    byte[] p = phone.event(press.get(next++), EVENT_PT);
                    leg.onRtp(p, 0, p.length, now);
                }
                phone.skipFrame();
            } else {
                byte[] p = phone.tone(1000, -10);
                leg.onRtp(p, 0, p.length, now);
            }
            leg.tick(now, 0, out);
        }
        assertThat(events.starts).containsExactly("5 TELEPHONE_EVENT");
        assertThat(events.digits).containsExactly(new DtmfEvent(DtmfDigit.FIVE, 120, DtmfSource.TELEPHONE_EVENT));
    }

    @ParameterizedTest(name = "audio goes on during the press: {0}")
    @ValueSource(booleans = {false, true})
    void aKeyPressInTheMiddleOfTheAudioIsNeitherLossNorConcealment(boolean audioAlongside) {
        LegAudio leg = leg(pcmu().withTelephoneEvent(EVENT_PT, 8000));
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        List<TelephoneEventPacket> press = new TelephoneEventSender(8000, 20, 10)
                .schedule(DtmfDigit.THREE, 200, (int) phone.timestamp, 0);
        int next = 0;
        int audioPackets = 0;
        for (int i = 0; i < 60; i++) {
            long now = START + i * PTIME;
            boolean pressing = i >= 20 && next < press.size();
            if (!pressing || audioAlongside) {
                byte[] p = phone.tone(1000, -10);
                leg.onRtp(p, 0, p.length, now);
                audioPackets++;
            }
            if (pressing) {
                while (next < press.size() && press.get(next).sendAt() <= (i - 20) * 20L) {
                    byte[] p = phone.event(press.get(next++), EVENT_PT);
                    leg.onRtp(p, 0, p.length, now);
                }
                if (!audioAlongside) {
                    phone.skipFrame();
                }
            }
            leg.tick(now, 0, out);
        }
        assertThat(events.digits).extracting(DtmfEvent::digit).containsExactly(DtmfDigit.THREE);
        assertThat(leg.stats().jitter().lost()).as("packets taken for lost").isZero();
        assertThat(leg.stats().jitter().concealed()).as("frames concealed").isZero();
        assertThat(leg.stats().jitter().played()).as("all but the newest, still in the buffer")
                .isBetween(audioPackets - 2L, (long) audioPackets);
    }

    @Test
    void tonesInG711AudioAreReportedAsInbandPresses() {
        LegAudio leg = leg(pcmu());
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        short[] keys = audio(List.of(DtmfDigit.ONE, DtmfDigit.POUND, DtmfDigit.ONE), 8000);
        for (int i = 0; i * 160 + 160 <= keys.length; i++) {
            long now = START + i * PTIME;
            short[] frame = new short[160];
            System.arraycopy(keys, i * 160, frame, 0, 160);
            byte[] p = phone.packet(frame);
            leg.onRtp(p, 0, p.length, now);
            leg.tick(now, 0, out);
        }
        assertThat(events.digits).extracting(DtmfEvent::digit).containsExactly(DtmfDigit.ONE, DtmfDigit.POUND, DtmfDigit.ONE);
        assertThat(events.digits).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(DtmfSource.INBAND);
            assertThat(e.durationMillis()).isBetween(85, 115);
        });
    }

    /** 200 ms of silence, then each key for 100 ms with 100 ms pauses, then 300 ms of silence. */
    private static short[] audio(List<DtmfDigit> digits, int rate) {
        Capture.Sink all = new Capture.Sink(rate);
        short[] chunk = new short[rate / 10];
        all.write(new short[rate / 5], 0, rate / 5);
        for (DtmfDigit d : digits) {
            ToneSource tone = ToneSource.dtmf(d, 100, 100, rate);
            for (int n; (n = tone.read(chunk, 0, chunk.length)) > 0; ) {
                all.write(chunk, 0, n);
            }
        }
        all.write(new short[3 * rate / 10], 0, 3 * rate / 10);
        return all.samples();
    }

    @Test
    void aPhoneSendingBothTonesAndEventsGetsEachKeyOnceFromTheEvents() {
        LegAudio leg = leg(pcmu().withTelephoneEvent(EVENT_PT, 8000));
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        short[] keys = audio(List.of(DtmfDigit.SEVEN, DtmfDigit.EIGHT), 8000);
        TelephoneEventSender sender = new TelephoneEventSender(8000, 20, 10);
        List<TelephoneEventPacket> events7 = sender.schedule(DtmfDigit.SEVEN, 100, 0, 200);
        List<TelephoneEventPacket> events8 = sender.schedule(DtmfDigit.EIGHT, 100, 1600, 400);
        List<TelephoneEventPacket> all = new ArrayList<>(events7);
        all.addAll(events8);
        int next = 0;
        for (int i = 0; i * 160 + 160 <= keys.length; i++) {
            long now = START + i * PTIME;
            short[] frame = new short[160];
            System.arraycopy(keys, i * 160, frame, 0, 160);
            byte[] p = phone.packet(frame);
            leg.onRtp(p, 0, p.length, now);
            while (next < all.size() && all.get(next).sendAt() <= i * 20L) {
                byte[] e = phone.event(all.get(next++), EVENT_PT);
                leg.onRtp(e, 0, e.length, now);
            }
            leg.tick(now, 0, out);
        }
        assertThat(events.digits).extracting(DtmfEvent::digit).containsExactly(DtmfDigit.SEVEN, DtmfDigit.EIGHT);
        assertThat(events.digits).extracting(DtmfEvent::source).containsOnly(DtmfSource.TELEPHONE_EVENT);
    }

    @Test
    void aKeySentByEventsPausesTheAudioAndResumesItWithTheMarker() {
        LegAudio leg = leg(pcmu().withTelephoneEvent(EVENT_PT, 8000));
        leg.play(new ToneSource(ToneList.parse("440"), 8000));
        for (int i = 0; i < 5; i++) {
            leg.tick(START + i * PTIME, 0, out);
        }
        assertThat(leg.sendDtmf(DtmfDigit.NINE, 100)).isTrue();
        for (int i = 5; i < 30; i++) {
            leg.tick(START + i * PTIME, 0, out);
        }
        List<RtpView> eventPackets = new ArrayList<>();
        int firstEvent = -1;
        int lastEvent = -1;
        for (int i = 0; i < out.rtp.size(); i++) {
            RtpView v = out.view(i);
            if (v.payloadType() == EVENT_PT) {
                eventPackets.add(v);
                firstEvent = firstEvent < 0 ? i : firstEvent;
                lastEvent = i;
            }
        }
        assertThat(eventPackets).hasSize(5 + 2);
        long eventTimestamp = eventPackets.getFirst().timestamp();
        assertThat(eventPackets).allSatisfy(v -> assertThat(v.timestamp()).isEqualTo(eventTimestamp));
        assertThat(eventPackets.getFirst().marker()).isTrue();
        assertThat(eventPackets.subList(1, eventPackets.size())).noneMatch(RtpView::marker);
        List<TelephoneEvent> payloads = eventPackets.stream().map(v -> ((TelephoneEventParseResult.Parsed)
                TelephoneEvent.parse(v.buffer(), v.payloadOffset(), v.payloadLength())).event()).toList();
        assertThat(payloads).extracting(TelephoneEvent::event).containsOnly(DtmfDigit.NINE.code());
        assertThat(payloads).extracting(TelephoneEvent::end).containsExactly(false, false, false, false, true, true, true);
        assertThat(payloads.getLast().duration()).isEqualTo(800);
        assertThat(lastEvent - firstEvent + 1).as("no audio between the events").isEqualTo(eventPackets.size());
        RtpView before = out.view(firstEvent - 1);
        RtpView resumed = out.view(lastEvent + 1);
        assertThat(before.payloadType()).isZero();
        assertThat(eventTimestamp).as("the event starts where the audio stopped").isEqualTo(before.timestamp() + 160);
        assertThat(resumed.marker()).isTrue();
        assertThat(resumed.timestamp() - eventTimestamp).as("audio time ran on meanwhile").isEqualTo(160L * 8);
        for (int i = 1; i < out.rtp.size(); i++) {
            assertThat(out.view(i).sequence()).isEqualTo((out.view(0).sequence() + i) & 0xFFFF);
        }
        assertThat(events.sent).containsExactly(DtmfDigit.NINE);
    }

    @Test
    void withoutTelephoneEventAKeyIsSentAsTonesAPhoneDetects() {
        LegAudio leg = leg(pcmu());
        leg.sendDtmf(DtmfDigit.STAR, 100);
        leg.sendDtmf(DtmfDigit.STAR, 100);
        for (int i = 0; i < 40; i++) {
            leg.tick(START + i * PTIME, 0, out);
        }
        short[] heard = out.decode(G711.PCMU, 0);
        List<DtmfEvent> detected = new ArrayList<>();
        new InbandDtmfDetector().process(heard, 0, heard.length, detected::add);
        assertThat(detected).extracting(DtmfEvent::digit).containsExactly(DtmfDigit.STAR, DtmfDigit.STAR);
        assertThat(events.sent).containsExactly(DtmfDigit.STAR, DtmfDigit.STAR);
    }

    @Test
    void aPressOfUnreasonableLengthIsRefused() {
        LegAudio leg = leg(pcmu());
        assertThatThrownBy(() -> leg.sendDtmf(DtmfDigit.ONE, 10)).hasMessageContaining("40..");
    }
}
