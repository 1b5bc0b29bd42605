package org.switchboard.media.codec;

/**
 * Turns frames of 16-bit mono PCM at the codec's sample rate into RTP payloads. Stateful:
 * one per leg and direction, one thread at a time. Never throws for audio content.
 */
public interface AudioEncoder extends AutoCloseable {

    /**
     * Encodes {@code samples} samples of {@code pcm} from {@code offset} into {@code out} from
     * {@code outOffset} and returns the payload length in bytes.
     *
     * @throws IllegalArgumentException when {@code samples} is not a frame size this codec takes
     *         or {@code out} has no room for the payload
     */
    int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset);

    /** RTP timestamp units that {@code samples} PCM samples span (G.722: half of them). */
    int timestampUnits(int samples);

    /** Frees native state, if any. Idempotent. */
    @Override
    default void close() { }
}
