package org.switchboard.media.channel;

import java.util.Optional;

/**
 * Where a terminated leg hands the audio its phone sends, decoded and played out in time:
 * a voicemail or call recording, a level meter, the other leg of a {@link PcmBridge}. 16-bit
 * mono PCM at {@link #sampleRate()}; the leg converts from its codec's rate. Gaps in what the
 * phone sent arrive as concealment or silence, so the audio keeps the call's real duration.
 *
 * <p>Called on the leg's thread, one frame per packet time. A sink stays its owner's: the leg
 * never closes or commits it.
 */
public interface AudioSink {

    /** The rate of the samples {@link #write} takes, in Hz. */
    int sampleRate();

    /**
     * Takes {@code samples} samples of {@code pcm} from {@code off}. Must be quick and must not
     * throw: a sink that fails (a full disk) stops taking audio and says why in {@link #failure()}.
     */
    void write(short[] pcm, int off, int samples);

    /** Why the sink stopped taking audio, if it failed. */
    default Optional<String> failure() {
        return Optional.empty();
    }
}
