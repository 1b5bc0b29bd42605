package org.switchboard.media.codec.opus;

import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;

/**
 * A decoder on Concentus. A port is less battle-tested against hostile input than libopus, so
 * besides its {@link OpusException} any runtime exception it throws on a bad payload is caught:
 * the payload yields 0 samples and the decoder state is reset, since it may be half-updated.
 */
final class ConcentusOpusDecoder implements OpusDecoder {

    private final io.github.jaredmdobson.concentus.OpusDecoder decoder;
    private final int sampleRate;
    private final int maxSamples;
    private boolean closed;

    ConcentusOpusDecoder(int sampleRate) {
        this.sampleRate = sampleRate;
        this.maxSamples = OpusFrameSizes.maxPacketSamples(sampleRate);
        try {
            decoder = new io.github.jaredmdobson.concentus.OpusDecoder(sampleRate, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus decoder not created: " + e.getMessage(), e);
        }
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (closed || !OpusFrameSizes.isPayload(payload, offset, length) || pcmOffset < 0 || pcmOffset > pcm.length) {
            return 0;
        }
        try {
            int samples = OpusPacketInfo.getNumSamples(payload, offset, length, sampleRate);
            if (samples <= 0 || samples > maxSamples || samples > pcm.length - pcmOffset) {
                return 0;
            }
            return Math.max(0, decoder.decode(payload, offset, length, pcm, pcmOffset, samples, false));
        } catch (OpusException e) {
            return 0;
        } catch (RuntimeException e) {
            decoder.resetState();
            return 0;
        }
    }

    @Override
    public int conceal(short[] pcm, int pcmOffset, int samples) {
        int n = closed ? 0 : OpusFrameSizes.lossSpan(samples, pcm, pcmOffset, sampleRate);
        if (n == 0) {
            return 0;
        }
        try {
            return Math.max(0, decoder.decode(null, 0, 0, pcm, pcmOffset, n, false));
        } catch (OpusException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public int recover(byte[] nextPayload, int offset, int length, short[] pcm, int pcmOffset, int samples) {
        int n = closed ? 0 : OpusFrameSizes.lossSpan(samples, pcm, pcmOffset, sampleRate);
        if (n == 0 || !OpusFrameSizes.isPayload(nextPayload, offset, length)) {
            return 0;
        }
        try {
            if (OpusPacketInfo.getNumSamples(nextPayload, offset, length, sampleRate) <= 0) {
                return 0;
            }
            return Math.max(0, decoder.decode(nextPayload, offset, length, pcm, pcmOffset, n, true));
        } catch (OpusException e) {
            return 0;
        } catch (RuntimeException e) {
            decoder.resetState();
            return 0;
        }
    }

    @Override
    public int maxSamples(int length) {
        return maxSamples;
    }

    @Override
    public OpusImplementation implementation() {
        return OpusImplementation.JAVA;
    }

    @Override
    public void close() {
        closed = true;
    }
}
