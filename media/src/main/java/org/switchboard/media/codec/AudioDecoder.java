package org.switchboard.media.codec;

/**
 * Turns RTP payloads into 16-bit mono PCM at the codec's sample rate. Stateful: one per leg,
 * one thread at a time. A payload that cannot be decoded (truncated, corrupt) yields a
 * {@link #conceal} frame or 0 samples, never an exception: it comes from the network.
 */
public interface AudioDecoder extends AutoCloseable {

    /**
     * Decodes {@code length} bytes of {@code payload} from {@code offset} into {@code pcm} from
     * {@code pcmOffset} and returns how many samples it wrote (0 for a payload it cannot decode).
     * {@code pcm} must have room for {@link #maxSamples(int)} samples.
     */
    int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset);

    /** The most samples {@link #decode} can write for a payload of {@code length} bytes. */
    int maxSamples(int length);

    /**
     * Writes {@code samples} samples standing in for a lost packet (packet loss concealment):
     * the codec's own PLC where it has one (Opus), else a fade of the last frame or silence.
     * Returns the number written.
     */
    int conceal(short[] pcm, int pcmOffset, int samples);

    /** Frees native state, if any. Idempotent. */
    @Override
    default void close() { }
}
