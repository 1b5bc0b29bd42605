package org.switchboard.e2e.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call record (CDR) as {@code switchboard cdr --json} shows it: the server's account of a call that the tests
 * hold its other outputs (recordings, voicemail) against.
 *
 * @param id the record's id (the call id that recordings are indexed with)
 * @param answeredAt when the callee answered, empty when nobody did
 * @param endedAt when the call ended, empty while it is up
 * @param disposition {@code ANSWERED}, {@code NO ANSWER}, ...
 * @param recordingIds the call's recordings, oldest first, empty when none
 */
public record CdrRecord(String id, String caller, String callee, Optional<Instant> answeredAt,
        Optional<Instant> endedAt, String disposition, List<String> recordingIds) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Runs {@code cdr --json --limit N} (in this JVM, as the CLI would) and parses it, newest first.
     *
     * @throws IllegalStateException when the CLI fails
     */
    public static List<CdrRecord> latest(SwitchboardCli cli, int limit) {
        ProcessResult r = cli.runInThisJvm("cdr", "--json", "--limit", Integer.toString(limit));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cdr --json failed: " + r.describe());
        }
        return parseAll(r.stdout());
    }

    /** The newest record whose caller is {@code caller}, if among the latest 20. */
    public static Optional<CdrRecord> latestFrom(SwitchboardCli cli, String caller) {
        return latest(cli, 20).stream().filter(c -> c.caller().equals(caller)).findFirst();
    }

    /** Parses what {@code cdr --json} printed. */
    public static List<CdrRecord> parseAll(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cdr --json printed no JSON: " + json, e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("cdr --json printed no array: " + json);
        }
        List<CdrRecord> records = new ArrayList<>();
        for (JsonNode r : root) {
            List<String> recordings = new ArrayList<>();
            r.path("recordingIds").forEach(id -> recordings.add(id.asString("")));
            records.add(new CdrRecord(r.path("id").asString(""), r.path("caller").asString(""),
                    r.path("callee").asString(""), instant(r, "answeredAt"), instant(r, "endedAt"),
                    r.path("disposition").asString(""), List.copyOf(recordings)));
        }
        return List.copyOf(records);
    }

    /** Whether the call has ended (its record is complete). */
    public boolean ended() {
        return endedAt.isPresent();
    }

    /**
     * How long the call was connected, from the answer to the end.
     *
     * @throws IllegalStateException when it was not answered or has not ended
     */
    public Duration answeredDuration() {
        if (answeredAt.isEmpty() || endedAt.isEmpty()) {
            throw new IllegalStateException("call " + id + " was not answered and ended: " + this);
        }
        return Duration.between(answeredAt.get(), endedAt.get());
    }

    private static Optional<Instant> instant(JsonNode record, String field) {
        JsonNode value = record.path(field);
        if (!value.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cdr --json: " + field + " is not an instant: " + value, e);
        }
    }
}
