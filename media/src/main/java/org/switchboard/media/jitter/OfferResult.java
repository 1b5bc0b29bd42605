package org.switchboard.media.jitter;

/** What {@link JitterBuffer#offer} did with a packet. */
public enum OfferResult {
    /** Stored for playout. */
    BUFFERED,
    /** Already held or already played: dropped. */
    DUPLICATE,
    /** Its playout time has passed: dropped. */
    LATE,
    /**
     * Far from the stream (sequence or timestamp jump): held aside until the next packet says
     * whether a new stream has begun.
     */
    PROBATION,
    /** It confirmed a new stream: the buffer restarted on it. */
    RESYNC,
    /** Malformed (payload over the configured maximum): dropped. */
    INVALID
}
