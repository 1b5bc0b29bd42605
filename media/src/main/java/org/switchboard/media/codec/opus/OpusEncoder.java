package org.switchboard.media.codec.opus;

import org.switchboard.media.codec.AudioEncoder;

/**
 * An Opus encoder: mono PCM at the codec's rate in, one RTP payload per frame out (RFC 7587 §4.2).
 * Takes frames of 2.5, 5, 10, 20, 40 or 60 ms. With DTX on, a payload of 2 bytes or less means
 * silence and need not be sent. Not thread-safe; {@link #close()} frees its native state and may
 * be called twice; encoding after close throws {@link IllegalStateException}.
 */
public sealed interface OpusEncoder extends AudioEncoder permits NativeOpusEncoder, ConcentusOpusEncoder {

    /** Which implementation codes. */
    OpusImplementation implementation();

    /**
     * Tells the encoder the loss the far end reports (RTCP receiver reports, RFC 3550 §6.4.1), so
     * that it spends bits on in-band FEC in proportion. Clamped to 0..100.
     */
    void packetLossPercent(int percent);
}
