package org.switchboard.media.record;

import java.util.Optional;

/**
 * Where a call recording goes, one frame of both parties every 20 ms: 16-bit PCM at
 * {@link #sampleRate()}, the caller's samples on the left, the callee's on the right. A party
 * that says nothing (silence, hold, lost packets) still has its samples, so both channels last
 * exactly as long as the recording ran.
 *
 * <p>Called on one media thread. A sink stays its owner's: the recorder never commits or closes it.
 */
public interface AudioStereoSink {

    /** The rate of the samples {@link #write} takes, in Hz. */
    int sampleRate();

    /**
     * Takes {@code frames} samples of each channel, from index 0. Must be quick and must not
     * throw: a sink that fails (a full disk) returns false from then on and says why in
     * {@link #failure()}.
     *
     * @return true while the sink takes audio, false once it has failed
     */
    boolean write(short[] left, short[] right, int frames);

    /** Why the sink stopped taking audio, if it failed. */
    Optional<String> failure();
}
