package org.switchboard.media.record;

import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.Level;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.TelephoneEvent;
import org.switchboard.media.rtp.RtpWriter;

/** One phone's RTP for recorder tests: 20 ms packets of a tone in a codec, and RFC 4733 key presses. */
final class PhoneStream {

    final AudioCodec codec;
    final int payloadType;
    private final AudioEncoder encoder;
    private final int frameSamples;
    private final long ssrc;
    private final byte[] payload = new byte[4000];
    private int sequence = 20_000;
    private long timestamp = 1_000_000;
    private long samplesSent;

    PhoneStream(AudioCodec codec, int payloadType, long ssrc) {
        this.codec = codec;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.encoder = codec.newEncoder();
        this.frameSamples = codec.sampleRate() / 50;
    }

    /** The next 20 ms packet of a sine of {@code hz} at -10 dBFS. */
    byte[] tone(double hz) {
        short[] pcm = new short[frameSamples];
        double peak = Level.sinePeak(-10);
        for (int i = 0; i < frameSamples; i++) {
            pcm[i] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * (samplesSent + i) / codec.sampleRate()));
        }
        int length = encoder.encode(pcm, 0, frameSamples, payload, 0);
        byte[] out = new byte[12 + length];
        RtpWriter.writePacket(out, 0, samplesSent == 0, payloadType, sequence, timestamp, ssrc, payload, 0, length);
        advance();
        return out;
    }

    /** The packet that would come next, which the network lost. */
    void lose() {
        advance();
    }

    private void advance() {
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += encoder.timestampUnits(frameSamples);
        samplesSent += frameSamples;
    }

    /**
     * A key press of 100 ms as a phone sends it in place of audio (RFC 4733 §2.5.1): five event
     * packets 20 ms apart, the last three the end packet; each returned with its send time offset.
     */
    byte[][] press(DtmfDigit digit, int eventPayloadType) {
        long start = timestamp;
        byte[][] packets = new byte[5][];
        for (int i = 0; i < 5; i++) {
            boolean end = i >= 2;
            int duration = (Math.min(i, 2) + 1) * 160 * (codec.clockRate() / 8000);
            byte[] out = new byte[16];
            RtpWriter.writeHeader(out, 0, i == 0, eventPayloadType, sequence, start, ssrc);
            TelephoneEvent.of(digit, end, 10, duration).write(out, 12);
            sequence = (sequence + 1) & 0xFFFF;
            packets[i] = out;
        }
        timestamp += 3L * encoder.timestampUnits(frameSamples);
        samplesSent += 3L * frameSamples;
        return packets;
    }

    /** The level of {@code hz} in the samples {@code [from, to)} of one channel, dB relative to full scale. */
    static double levelDb(short[] channel, int from, int to, double hz, int rate) {
        return new Goertzel(hz, rate).powerDb(channel, from, to - from);
    }
}
