package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.List;

/**
 * Where call records are kept. Implementations may block (a database): callers use it from a
 * virtual thread ({@link CallRecorder}), never from a SIP shard.
 */
public interface CallRecordRepository {

    /** Inserts the record of a call that started. */
    void insert(CallRecord record);

    /** Replaces the record with the same id (answer, legs, completion). */
    void update(CallRecord record);

    /** The most recent records, newest first, at most {@code limit}. */
    List<CallRecord> recent(int limit);

    /**
     * Completes every record that has no end as {@link Disposition#FAILED} or
     * {@link Disposition#ANSWERED} (when it was answered), cause {@link HangupCause#INTERRUPTED},
     * side {@link HangupSide#SYSTEM}, ended at {@code now}: for the records a crash left open.
     *
     * @return how many records were completed
     */
    int interruptOpen(Instant now);
}
