package org.switchboard.media.record;

/**
 * The two parties of a recorded call and their channel in the stereo file: the caller on the
 * left, the callee on the right, so a listener (or a transcriber) can tell who said what.
 */
public enum Party {
    /** The phone that placed the call: the left channel. */
    CALLER,
    /** The phone that answered: the right channel. */
    CALLEE;

    /** The other party. */
    public Party other() {
        return this == CALLER ? CALLEE : CALLER;
    }
}
