package org.switchboard.media.codec.opus;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusBandwidth;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/** An encoder on Concentus: works on the caller's arrays directly, nothing native to free. */
final class ConcentusOpusEncoder implements OpusEncoder {

    private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
    private final int sampleRate;
    private final int timestampFactor;
    private boolean closed;

    ConcentusOpusEncoder(int sampleRate, OpusEncoderSettings settings) {
        this.sampleRate = sampleRate;
        this.timestampFactor = OpusCodec.CLOCK_RATE / sampleRate;
        try {
            encoder = new io.github.jaredmdobson.concentus.OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus encoder not created: " + e.getMessage(), e);
        }
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        encoder.setBitrate(settings.bitrate());
        encoder.setComplexity(settings.complexity());
        encoder.setUseInbandFEC(settings.inbandFec());
        encoder.setPacketLossPercent(settings.packetLossPercent());
        encoder.setUseDTX(settings.dtx());
        encoder.setMaxBandwidth(bandwidth(settings.maxBandwidthCode()));
    }

    @Override
    public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
        if (closed) {
            throw new IllegalStateException("Opus encoder is closed");
        }
        if (!OpusFrameSizes.isEncodable(samples, sampleRate)) {
            throw new IllegalArgumentException(samples + " samples at " + sampleRate
                    + " Hz is not an Opus frame (2.5, 5, 10, 20, 40 or 60 ms)");
        }
        if (offset < 0 || offset > pcm.length - samples) {
            throw new IllegalArgumentException("pcm has no " + samples + " samples from " + offset);
        }
        int room = Math.min(out.length - outOffset, OpusFrameSizes.MAX_PACKET_BYTES);
        if (outOffset < 0 || room < 1) {
            throw new IllegalArgumentException("out has no room for a payload at " + outOffset);
        }
        try {
            return encoder.encode(pcm, offset, samples, out, outOffset, room);
        } catch (OpusException e) {
            throw new IllegalArgumentException("Concentus could not encode into " + room + " bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public int timestampUnits(int samples) {
        return samples * timestampFactor;
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.JAVA;
    }

    @Override
    public void packetLossPercent(int percent) {
        encoder.setPacketLossPercent(Math.clamp(percent, 0, 100));
    }

    @Override
    public void close() {
        closed = true;
    }

    private static OpusBandwidth bandwidth(int code) {
        return switch (code) {
            case 1101 -> OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND;
            case 1102 -> OpusBandwidth.OPUS_BANDWIDTH_MEDIUMBAND;
            case 1103 -> OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
            case 1104 -> OpusBandwidth.OPUS_BANDWIDTH_SUPERWIDEBAND;
            default -> OpusBandwidth.OPUS_BANDWIDTH_FULLBAND;
        };
    }
}
