package org.switchboard.pbx.call;

import java.util.List;

/** The calls up now, for the CLI and the REST API. Thread-safe. */
public interface LiveCalls {

    /**
     * A snapshot of every live call, oldest first, each leg with its media figures as of now
     * ({@link LegSnapshot#media()}): asked of the media threads, so this may wait for them briefly
     * (a second at most). Not for an event loop.
     */
    List<CallSnapshot> snapshot();

    /** No calls: for a server without a B2BUA and for tests. */
    LiveCalls NONE = List::of;
}
