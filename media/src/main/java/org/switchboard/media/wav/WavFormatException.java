package org.switchboard.media.wav;

import java.io.IOException;

/**
 * A file that is not a WAV file this package reads, or a damaged one: the message says what is
 * wrong (truncated, inconsistent, unsupported encoding) in words an administrator can act on.
 */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WavFormatException(String message) {
        super(message);
    }
}
