package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.RecordingAdmin;
import org.switchboard.pbx.recording.RecordingId;
import org.switchboard.pbx.recording.RecordingQuery;

/**
 * {@code /api/v1/recordings}: the call recordings, newest first, filtered by call, extension
 * and start ({@code GET}); one recording ({@code GET .../{id}}), its audio as a stereo WAV file
 * ({@code GET .../{id}/audio}, caller left, callee right), its deletion ({@code DELETE .../{id}},
 * file then index). 400 for a malformed id or filter, 404 for an unknown recording.
 */
final class RecordingRoutes {
    static final String PATH = AdminApi.PREFIX + "/recordings";
    static final String SINCE_RULE = "since must be a date (2026-03-01, midnight UTC) or an instant"
            + " (2026-03-01T08:00:00Z)";
    private static final int MAX_QUERY_TEXT = 64;

    private final RecordingAdmin recordings;
    private final JsonCodec json;

    RecordingRoutes(RecordingAdmin recordings, JsonCodec json) {
        this.recordings = recordings;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/{id}", this::get);
        routes.get(PATH + "/{id}/audio", this::audio);
        routes.delete(PATH + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        RecordingQuery query = RecordingQuery.LATEST.withLimit(limit(ctx.queryParam("limit")));
        String call = ctx.queryParam("call");
        if (call != null) query = query.withCallId(text("call", call));
        String extension = ctx.queryParam("extension");
        if (extension != null) query = query.withExtension(text("extension", extension));
        String since = ctx.queryParam("since");
        if (since != null) query = query.withSince(since(since));
        AdminApi.respond(ctx, 200, json.write(recordings.list(query).stream().map(RecordingDocument::of).toList()));
    }

    private void get(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(RecordingDocument.of(found(ctx.pathParam("id")))));
    }

    private void audio(Context ctx) {
        String id = checked(ctx.pathParam("id"));
        RecordingAdmin.Audio audio = recordings.audio(id)
                .orElseThrow(() -> Problem.notFound("there is no recording " + id).raise());
        InputStream in;
        long size;
        try {
            size = Files.size(audio.file());
            in = Files.newInputStream(audio.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + id, e);
        }
        ctx.status(200).contentType("audio/wav")
                .header("Content-Length", Long.toString(size))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".wav\"")
                .result(in);
    }

    private void delete(Context ctx) throws IOException {
        String id = checked(ctx.pathParam("id"));
        if (!recordings.delete(id)) throw Problem.notFound("there is no recording " + id).raise();
        ctx.status(204);
    }

    private CallRecording found(String text) {
        String id = checked(text);
        return recordings.find(id).orElseThrow(() -> Problem.notFound("there is no recording " + id).raise());
    }

    private static String checked(String id) {
        if (!RecordingId.isValid(id)) {
            throw Problem.invalidRequest("'" + shown(id) + "' is not a recording id: " + RecordingId.RULE).raise();
        }
        return id;
    }

    static int limit(String text) {
        if (text == null) return RecordingQuery.DEFAULT_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > RecordingQuery.MAX_LIMIT) {
            throw Problem.invalidRequest("limit must be a whole number from 1 to " + RecordingQuery.MAX_LIMIT + ", got '"
                    + shown(text) + "'").raise();
        }
        return limit;
    }

    private static String text(String name, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_QUERY_TEXT) {
            throw Problem.invalidRequest(name + " must be 1 to " + MAX_QUERY_TEXT + " characters").raise();
        }
        return v;
    }

    static Instant since(String text) {
        String v = text.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.invalidRequest(SINCE_RULE + ", got '" + shown(v) + "'").raise();
        }
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
