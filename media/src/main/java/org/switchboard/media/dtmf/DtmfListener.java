package org.switchboard.media.dtmf;

/**
 * Told about key presses by the receivers and detectors of this package, on the caller's thread,
 * during the call that fed them. Implementations must be quick: they run on the media path.
 */
@FunctionalInterface
public interface DtmfListener {

    /** A key press ended (or was given up on after a timeout): reported once per press. */
    void onDigit(DtmfEvent event);

    /**
     * A key press began: what a prompt that stops on the first key (barge-in) listens for.
     * Not every source knows the start before the end (SIP INFO does not call it).
     */
    default void onDigitStart(DtmfDigit digit, DtmfSource source) { }
}
