package org.switchboard.media.relay;

/**
 * Told when a leg's RTP stopped ({@link MediaTimeout}). Called at most once per endpoint, on a
 * virtual thread of the media layer: the listener hands the event to the call's executor and
 * returns. An exception it throws is logged and dropped.
 */
@FunctionalInterface
public interface MediaTimeoutListener {

    /** A listener that ignores timeouts. */
    MediaTimeoutListener IGNORE = timeout -> { };

    void onMediaTimeout(MediaTimeout timeout);
}
