package org.switchboard.media.relay;

/**
 * No RTP/RTCP pair can be given to a new leg: every pair of the range is in use or still in
 * quarantine, or none of the free ones could be bound. The B2BUA answers the call with
 * 503 Service Unavailable (RFC 3261 §21.5.4) and the message says what to change.
 */
public final class NoMediaPortsException extends Exception {

    public NoMediaPortsException(String message) {
        super(message);
    }

    public NoMediaPortsException(String message, Throwable cause) {
        super(message, cause);
    }
}
