package org.switchboard.media.codec.opus;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An encoder on libopus. Its native state ({@code opus_encoder_create}) and its two buffers live
 * until {@link #close()}; a frame costs two copies (PCM in, payload out) and no allocation. The
 * arena is shared, not confined, because a leg's media may move between threads over its life
 * (never two at once).
 */
final class NativeOpusEncoder implements OpusEncoder {

    private final NativeOpus opus;
    private final int sampleRate;
    private final int timestampFactor;
    private final Arena arena;
    private final MemorySegment state;
    private final MemorySegment pcmBuffer;
    private final MemorySegment packetBuffer;
    private boolean closed;

    NativeOpusEncoder(NativeOpus opus, int sampleRate, OpusEncoderSettings settings) {
        this.opus = opus;
        this.sampleRate = sampleRate;
        this.timestampFactor = OpusCodec.CLOCK_RATE / sampleRate;
        this.arena = Arena.ofShared();
        MemorySegment created = MemorySegment.NULL;
        try {
            MemorySegment error = arena.allocate(JAVA_INT);
            created = opus.encoderCreate(sampleRate, 1, NativeOpus.APPLICATION_VOIP, error);
            if (created.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("opus_encoder_create failed with error " + error.get(JAVA_INT, 0));
            }
            this.state = created;
            this.pcmBuffer = arena.allocate(JAVA_SHORT, OpusFrameSizes.maxPacketSamples(sampleRate));
            this.packetBuffer = arena.allocate(OpusFrameSizes.MAX_PACKET_BYTES);
            ctl(NativeOpus.SET_SIGNAL, NativeOpus.SIGNAL_VOICE);
            ctl(NativeOpus.SET_BITRATE, settings.bitrate());
            ctl(NativeOpus.SET_COMPLEXITY, settings.complexity());
            ctl(NativeOpus.SET_INBAND_FEC, settings.inbandFec() ? 1 : 0);
            ctl(NativeOpus.SET_PACKET_LOSS_PERC, settings.packetLossPercent());
            ctl(NativeOpus.SET_DTX, settings.dtx() ? 1 : 0);
            ctl(NativeOpus.SET_MAX_BANDWIDTH, settings.maxBandwidthCode());
        } catch (RuntimeException e) {
            if (!created.equals(MemorySegment.NULL)) {
                opus.encoderDestroy(created);
            }
            arena.close();
            throw e;
        }
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
        MemorySegment.copy(pcm, offset, pcmBuffer, JAVA_SHORT, 0, samples);
        int length = opus.encode(state, pcmBuffer, samples, packetBuffer, room);
        if (length < 0) {
            if (length == NativeOpus.OPUS_BUFFER_TOO_SMALL) {
                throw new IllegalArgumentException("out has no room for the payload (" + room + " bytes)");
            }
            throw new IllegalStateException("opus_encode failed with error " + length);
        }
        MemorySegment.copy(packetBuffer, JAVA_BYTE, 0, out, outOffset, length);
        return length;
    }

    @Override
    public int timestampUnits(int samples) {
        return samples * timestampFactor;
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.NATIVE;
    }

    @Override
    public void packetLossPercent(int percent) {
        if (!closed) {
            ctl(NativeOpus.SET_PACKET_LOSS_PERC, Math.clamp(percent, 0, 100));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        opus.encoderDestroy(state);
        arena.close();
    }

    private void ctl(int request, int value) {
        int result = opus.encoderCtl(state, request, value);
        if (result != NativeOpus.OPUS_OK) {
            throw new IllegalStateException("opus_encoder_ctl(" + request + ", " + value + ") failed with error " + result);
        }
    }
}
