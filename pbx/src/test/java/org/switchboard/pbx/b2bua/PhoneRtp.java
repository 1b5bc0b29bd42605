package org.switchboard.pbx.b2bua;

import java.util.List;
import java.util.SplittableRandom;
import org.switchboard.media.channel.LegAudio;
import org.switchboard.media.channel.PacketOut;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.rtp.RtpWriter;

/**
 * A PCMU phone's RTP into a leg the server terminated ({@link B2buaRig.FakeChannel}): the packets
 * go through the server's real media engine ({@link LegAudio}, built with the channel's settings
 * and listener as the relay builds it), so key presses reach the listener only if the leg was
 * terminated with the settings that understand them. 20 ms per packet on a virtual clock.
 */
final class PhoneRtp {
    private static final long PTIME_NANOS = 20_000_000L;
    private static final PacketOut NOWHERE = new PacketOut() {
        @Override
        public void rtp(byte[] packet, int offset, int length) { }

        @Override
        public void rtcp(byte[] packet, int offset, int length) { }
    };

    private final LegAudio engine;
    private final AudioEncoder encoder = G711.PCMU.newEncoder();
    private final byte[] payload = new byte[400];
    private int sequence = 1000;
    private long timestamp = 160_000;
    private long now = 1_000_000_000L;

    PhoneRtp(B2buaRig.FakeChannel leg) {
        this.engine = new LegAudio(leg.config, leg.listener, new SplittableRandom(7), now);
    }

    /** A press of {@code digit} for 120 ms as RFC 4733 events on payload type {@code eventPt}, between audio. */
    void press(DtmfDigit digit, int eventPt) {
        silence(5);
        List<TelephoneEventPacket> events = new TelephoneEventSender(8000, 20, 10).schedule(digit, 120, (int) timestamp, 0);
        for (TelephoneEventPacket e : events) {
            byte[] p = new byte[16];
            RtpWriter.writeHeader(p, 0, e.marker(), eventPt, sequence++ & 0xFFFF, e.timestamp() & 0xFFFF_FFFFL, 0xCAFEL);
            e.writePayload(p, 12);
            deliver(p);
        }
        timestamp += 8 * 120;
        silence(10);
    }

    /** A press of {@code digit} as its two tones in the PCMU audio (no telephone-event), 100 ms. */
    void tones(DtmfDigit digit) {
        silence(10);
        ToneSource tone = ToneSource.dtmf(digit, 100, 100, 8000);
        short[] frame = new short[160];
        int n;
        while ((n = tone.read(frame, 0, frame.length)) > 0) {
            if (n < frame.length) java.util.Arrays.fill(frame, n, frame.length, (short) 0);
            audio(frame);
        }
        silence(15);
    }

    private void silence(int packets) {
        for (int i = 0; i < packets; i++) audio(new short[160]);
    }

    private void audio(short[] pcm) {
        int length = encoder.encode(pcm, 0, pcm.length, payload, 0);
        byte[] p = new byte[12 + length];
        RtpWriter.writePacket(p, 0, false, 0, sequence++ & 0xFFFF, timestamp, 0xCAFEL, payload, 0, length);
        timestamp += pcm.length;
        deliver(p);
    }

    private void deliver(byte[] packet) {
        engine.onRtp(packet, 0, packet.length, now);
        engine.tick(now, 0, NOWHERE);
        now += PTIME_NANOS;
    }
}
