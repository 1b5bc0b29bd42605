package org.switchboard.media.channel;

import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.rtp.RtpWriter;

/** A phone's RTP stream for tests: 20 ms packets of a codec, numbered as a phone numbers them. */
final class FakePhone {

    final AudioCodec codec;
    final int payloadType;
    final int frameSamples;
    private final AudioEncoder encoder;
    private final byte[] payload = new byte[4000];
    long ssrc;
    int sequence;
    long timestamp;
    private long samplesSent;
    private boolean first = true;

    FakePhone(AudioCodec codec, int payloadType, long ssrc, int sequence, long timestamp) {
        this.codec = codec;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.encoder = codec.newEncoder();
        this.frameSamples = codec.sampleRate() / 50;
    }

    FakePhone(AudioCodec codec, int payloadType) {
        this(codec, payloadType, 0x1234_5678L, 40_000, 3_000_000_000L);
    }

    /** The next 20 ms packet carrying {@code pcm} ({@link #frameSamples} samples). */
    byte[] packet(short[] pcm) {
        int length = encoder.encode(pcm, 0, frameSamples, payload, 0);
        byte[] out = new byte[12 + length];
        RtpWriter.writePacket(out, 0, first, payloadType, sequence, timestamp, ssrc, payload, 0, length);
        first = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + encoder.timestampUnits(frameSamples)) & 0xFFFF_FFFFL;
        samplesSent += frameSamples;
        return out;
    }

    /** The next 20 ms packet of a sine of {@code hz} at {@code dbfs}, continuing the previous ones. */
    byte[] tone(double hz, double dbfs) {
        return packet(Tones.sine(hz, dbfs, codec.sampleRate(), samplesSent, frameSamples));
    }

    /** A telephone-event packet on {@code payloadType}, numbered in this stream. */
    byte[] event(TelephoneEventPacket event, int eventPayloadType) {
        byte[] out = new byte[16];
        RtpWriter.writeHeader(out, 0, event.marker(), eventPayloadType, sequence, event.timestamp() & 0xFFFF_FFFFL, ssrc);
        event.writePayload(out, 12);
        sequence = (sequence + 1) & 0xFFFF;
        return out;
    }

    /** Advances the audio clock by one packet without sending (the phone sent an event instead). */
    void skipFrame() {
        timestamp = (timestamp + encoder.timestampUnits(frameSamples)) & 0xFFFF_FFFFL;
        samplesSent += frameSamples;
    }
}
