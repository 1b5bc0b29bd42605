package org.switchboard.pbx.recording;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index of stored call recordings; {@link CallRecordingStore} keeps it in step with the
 * files. Methods may block: call them from virtual threads.
 */
public interface RecordingRepository {

    /** Indexes a recording; false when its id is already indexed. */
    boolean insert(CallRecording recording);

    Optional<CallRecording> find(String id);

    /** The recordings the query asks for, newest first. */
    List<CallRecording> list(RecordingQuery query);

    /** The ids of the recordings of each of {@code callIds} that has any, oldest first: for call records. */
    Map<String, List<String>> idsByCall(Collection<String> callIds);

    /** Recordings that started before {@code instant}, oldest first, at most {@code limit}: for retention. */
    List<CallRecording> startedBefore(Instant instant, int limit);

    /** Removes a recording's row; false when there was none. */
    boolean delete(String id);

    /** Every indexed recording, for recovery at start. */
    List<CallRecording> all();
}
