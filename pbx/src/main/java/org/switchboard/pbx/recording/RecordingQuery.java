package org.switchboard.pbx.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which recordings to list, newest first: of one call, involving one extension (caller, callee
 * or whoever started it), started at or after an instant; at most {@code limit}.
 */
public record RecordingQuery(Optional<String> callId, Optional<String> extension, Optional<Instant> since, int limit) {

    /** The most rows one query returns. */
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 100;
    /** The latest {@value #DEFAULT_LIMIT}. */
    public static final RecordingQuery LATEST = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            DEFAULT_LIMIT);

    public RecordingQuery {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(since, "since");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    public RecordingQuery withCallId(String id) {
        return new RecordingQuery(Optional.of(id), extension, since, limit);
    }

    public RecordingQuery withExtension(String number) {
        return new RecordingQuery(callId, Optional.of(number), since, limit);
    }

    public RecordingQuery withSince(Instant at) {
        return new RecordingQuery(callId, extension, Optional.of(at), limit);
    }

    public RecordingQuery withLimit(int max) {
        return new RecordingQuery(callId, extension, since, max);
    }

    /** Whether {@code r} is one this query asks for (the limit aside). */
    public boolean matches(CallRecording r) {
        return callId.map(r.callId()::equals).orElse(true)
                && extension.map(r::involves).orElse(true)
                && since.map(s -> !r.startedAt().isBefore(s)).orElse(true);
    }
}
