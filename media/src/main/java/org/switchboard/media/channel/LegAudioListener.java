package org.switchboard.media.channel;

import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;

/**
 * Told what happens on a terminated leg. {@link LegAudio} calls it on its own thread, during
 * {@link LegAudio#onRtp} or {@link LegAudio#tick}, so an implementation must be quick and must
 * not throw; the socket layer hands each call over to the call's executor instead
 * ({@code MediaEndpoint#terminate}). Every method does nothing by default.
 */
public interface LegAudioListener {

    /** A listener that ignores everything. */
    LegAudioListener IGNORE = new LegAudioListener() { };

    /** A key press ended: once per press, whether it came by RFC 4733 or in the audio. */
    default void onDigit(DtmfEvent event) { }

    /** A key press began (a prompt that stops at the first key listens for this). */
    default void onDigitStart(DtmfDigit digit, DtmfSource source) { }

    /**
     * The source being played ended by itself (not when replaced or stopped); silence follows.
     * {@link AudioSource#failure()} says whether it ended early because it failed.
     */
    default void onSourceFinished(AudioSource source) { }

    /** The last packet of a key press queued with {@link LegAudio#sendDtmf} went out. */
    default void onDtmfSent(DtmfDigit digit) { }
}
