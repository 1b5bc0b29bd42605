package org.switchboard.media.channel;

import java.util.Optional;

/**
 * Audio that a terminated leg plays to its phone: a prompt, music on hold, a tone, or the other
 * leg's voice when two legs are connected through a {@link PcmBridge}. 16-bit mono PCM at
 * {@link #sampleRate()}, pulled a frame at a time by the leg's thread; the leg converts the rate
 * to its codec's.
 *
 * <p>Used by one thread at a time. A leg that is given a source owns it from then on: it closes
 * it when it ends, is replaced, or the leg stops.
 */
public interface AudioSource extends AutoCloseable {

    /** The rate of the samples {@link #read} gives, in Hz. */
    int sampleRate();

    /**
     * Writes up to {@code samples} samples into {@code out} from {@code off} and returns how many
     * it wrote. Fewer than asked means the source has ended (the rest of the range is then
     * unspecified), and later reads give 0. Never throws for its content: a source that fails
     * (a file that cannot be read) ends early and says why in {@link #failure()}.
     */
    int read(short[] out, int off, int samples);

    /** Why the source ended early, if it failed. */
    default Optional<String> failure() {
        return Optional.empty();
    }

    /** Frees what the source holds (an open file). Idempotent; never throws. */
    @Override
    default void close() { }
}
