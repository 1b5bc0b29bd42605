package org.switchboard.e2e.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call recording as {@code switchboard recordings list --json} shows it.
 *
 * @param id the recording's id ({@code recordings export ID})
 * @param callId the id of the call's record in {@code cdr}, empty when the server does not know it
 * @param trigger {@code always}, {@code on-demand} or {@code unknown}
 * @param startedBy the extension whose policy or key press started it, empty when unknown
 * @param sizeBytes the WAV file's size
 */
public record ListedRecording(String id, String callId, Instant startedAt, Instant endedAt, String caller,
        String callee, String trigger, String startedBy, long sizeBytes) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Runs {@code recordings list --json ARGS} (in this JVM, as the CLI would) and parses it, newest first.
     *
     * @param filter more options, such as {@code --call ID}
     * @throws IllegalStateException when the CLI fails
     */
    public static List<ListedRecording> list(SwitchboardCli cli, String... filter) {
        List<String> args = new ArrayList<>(List.of("recordings", "list", "--json"));
        args.addAll(List.of(filter));
        ProcessResult r = cli.runInThisJvm(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + r.describe());
        }
        return parseAll(r.stdout());
    }

    /** Parses what {@code recordings list --json} printed. */
    public static List<ListedRecording> parseAll(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("recordings list --json printed no JSON: " + json, e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("recordings list --json printed no array: " + json);
        }
        List<ListedRecording> recordings = new ArrayList<>();
        for (JsonNode r : root) {
            recordings.add(new ListedRecording(r.path("id").asString(""), r.path("callId").asString(""),
                    instant(r, "startedAt"), instant(r, "endedAt"),
                    r.path("caller").asString(""), r.path("callee").asString(""), r.path("trigger").asString(""),
                    r.path("startedBy").asString(""), r.path("sizeBytes").asLong(-1)));
        }
        return List.copyOf(recordings);
    }

    private static Instant instant(JsonNode recording, String field) {
        String text = recording.path(field).asString("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("recordings list --json: " + field + " is not an instant: '" + text
                    + "'", e);
        }
    }

    /** How long it recorded, by the server's clock (the listing's own duration is rounded to the second). */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
