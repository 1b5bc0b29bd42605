package org.switchboard.media.codec.opus;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A decoder on libopus. A payload reaches {@code opus_decode} only after it was copied whole into
 * a native buffer of the length we pass and after {@code opus_packet_get_nb_samples} accepted
 * its framing, so libopus never reads past what it was given; a negative result (RFC 6716
 * §3.4 malformed packet) yields 0 samples. No allocation per frame.
 */
final class NativeOpusDecoder implements OpusDecoder {

    private final NativeOpus opus;
    private final int sampleRate;
    private final int maxSamples;
    private final Arena arena;
    private final MemorySegment state;
    private final MemorySegment pcmBuffer;
    private final MemorySegment packetBuffer;
    private boolean closed;

    NativeOpusDecoder(NativeOpus opus, int sampleRate) {
        this.opus = opus;
        this.sampleRate = sampleRate;
        this.maxSamples = OpusFrameSizes.maxPacketSamples(sampleRate);
        this.arena = Arena.ofShared();
        try {
            MemorySegment error = arena.allocate(JAVA_INT);
            MemorySegment created = opus.decoderCreate(sampleRate, 1, error);
            if (created.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("opus_decoder_create failed with error " + error.get(JAVA_INT, 0));
            }
            this.state = created;
            this.pcmBuffer = arena.allocate(JAVA_SHORT, maxSamples);
            this.packetBuffer = arena.allocate(OpusFrameSizes.MAX_PACKET_BYTES);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (closed || !OpusFrameSizes.isPayload(payload, offset, length) || pcmOffset < 0 || pcmOffset > pcm.length) {
            return 0;
        }
        MemorySegment.copy(payload, offset, packetBuffer, JAVA_BYTE, 0, length);
        int samples = opus.packetSamples(packetBuffer, length, sampleRate);
        if (samples <= 0 || samples > maxSamples || samples > pcm.length - pcmOffset) {
            return 0;
        }
        return deliver(opus.decode(state, packetBuffer, length, pcmBuffer, samples, 0), pcm, pcmOffset);
    }

    @Override
    public int conceal(short[] pcm, int pcmOffset, int samples) {
        int n = closed ? 0 : OpusFrameSizes.lossSpan(samples, pcm, pcmOffset, sampleRate);
        if (n == 0) {
            return 0;
        }
        return deliver(opus.decode(state, MemorySegment.NULL, 0, pcmBuffer, n, 0), pcm, pcmOffset);
    }

    @Override
    public int recover(byte[] nextPayload, int offset, int length, short[] pcm, int pcmOffset, int samples) {
        int n = closed ? 0 : OpusFrameSizes.lossSpan(samples, pcm, pcmOffset, sampleRate);
        if (n == 0 || !OpusFrameSizes.isPayload(nextPayload, offset, length)) {
            return 0;
        }
        MemorySegment.copy(nextPayload, offset, packetBuffer, JAVA_BYTE, 0, length);
        if (opus.packetSamples(packetBuffer, length, sampleRate) <= 0) {
            return 0;
        }
        return deliver(opus.decode(state, packetBuffer, length, pcmBuffer, n, 1), pcm, pcmOffset);
    }

    @Override
    public int maxSamples(int length) {
        return maxSamples;
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.NATIVE;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        opus.decoderDestroy(state);
        arena.close();
    }

    private int deliver(int decoded, short[] pcm, int pcmOffset) {
        if (decoded <= 0) {
            return 0;
        }
        MemorySegment.copy(pcmBuffer, JAVA_SHORT, 0, pcm, pcmOffset, decoded);
        return decoded;
    }
}
