package org.switchboard.media.codec.opus;

import org.switchboard.media.codec.AudioDecoder;

/**
 * An Opus decoder: one RTP payload in, mono PCM at the codec's rate out (a stereo packet is mixed
 * down). A payload that is not Opus decodes to 0 samples; {@link #conceal} runs the codec's own
 * loss concealment and {@link #recover} rebuilds a lost packet from the FEC in the next one.
 * Not thread-safe; {@link #close()} frees its native state and may be called twice; after close
 * every call writes 0 samples.
 */
public sealed interface OpusDecoder extends AudioDecoder permits NativeOpusDecoder, ConcentusOpusDecoder {

    /** Which implementation decodes. */
    OpusImplementation implementation();

    /**
     * Stands in for a lost packet of {@code samples} samples with the in-band FEC that the packet
     * after it carries (RFC 6716 §2.1.7), or with concealment when that packet has none. Call it
     * before decoding that next packet normally. {@code samples} is rounded down to a multiple of
     * 2.5 ms; returns the number written (0 when the payload is not Opus).
     */
    int recover(byte[] nextPayload, int offset, int length, short[] pcm, int pcmOffset, int samples);

    /**
     * The most samples {@link #decode} writes: 120 ms at the codec's rate whatever the length,
     * since a few bytes can say "60 ms of silence".
     */
    @Override
    int maxSamples(int length);
}
