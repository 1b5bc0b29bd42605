package org.switchboard.pbx.call;

import java.util.List;

/**
 * The read side of the call records, for the CLI and the REST API: they list records and never
 * write them. {@link CallRecorder} implements it by reading through its repository.
 */
@FunctionalInterface
public interface CallHistory {

    /**
     * The most recent records, newest first (by start), at most {@code limit}; may block on the
     * database, so call it from a virtual thread.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<CallRecord> recent(int limit);
}
