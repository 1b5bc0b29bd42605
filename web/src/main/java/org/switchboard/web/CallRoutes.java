package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.switchboard.pbx.call.CallHistory;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.web.ApiDocuments.CallDocument;
import org.switchboard.web.ApiDocuments.CallRecordDocument;

/**
 * {@code GET /api/v1/calls} (the calls up now, with their legs) and
 * {@code GET /api/v1/cdr?limit=N} (the latest call records, newest first, each with the ids of
 * its recordings), both read-only.
 */
final class CallRoutes {
    static final String CALLS = AdminApi.PREFIX + "/calls";
    static final String CDR = AdminApi.PREFIX + "/cdr";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 10_000;

    private final LiveCalls calls;
    private final CallHistory history;
    private final Clock clock;
    private final JsonCodec json;
    private final RecordingIds recordingIds;

    /** The recording ids of each call that has any (a blocking read). */
    @FunctionalInterface
    interface RecordingIds {
        Map<String, List<String>> of(Collection<String> callIds);

        RecordingIds NONE = callIds -> Map.of();
    }

    CallRoutes(LiveCalls calls, CallHistory history, Clock clock, JsonCodec json) {
        this(calls, history, clock, json, RecordingIds.NONE);
    }

    CallRoutes(LiveCalls calls, CallHistory history, Clock clock, JsonCodec json, RecordingIds recordingIds) {
        this.calls = calls;
        this.history = history;
        this.clock = clock;
        this.json = json;
        this.recordingIds = recordingIds;
    }

    void register(RoutesConfig routes) {
        routes.get(CALLS, this::live);
        routes.get(CDR, this::records);
    }

    private void live(Context ctx) {
        Instant now = clock.instant();
        AdminApi.respond(ctx, 200, json.write(calls.snapshot().stream().map(c -> CallDocument.of(c, now)).toList()));
    }

    private void records(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        Instant now = clock.instant();
        List<CallRecord> recent = history.recent(limit);
        Map<String, List<String>> recorded = recentIds(recent);
        AdminApi.respond(ctx, 200, json.write(recent.stream()
                .map(r -> CallRecordDocument.of(r, now, recorded.getOrDefault(r.id(), List.of()))).toList()));
    }

    private Map<String, List<String>> recentIds(List<CallRecord> recent) {
        return recent.isEmpty() ? Map.of() : recordingIds.of(recent.stream().map(CallRecord::id).toList());
    }

    /** The {@code limit} query parameter: absent means {@value #DEFAULT_LIMIT}; anything but 1..{@value #MAX_LIMIT} is a 400. */
    static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        String value = text.strip();
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
            throw Problem.invalidRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + shown + "'")
                    .raise();
        }
        return limit;
    }
}
