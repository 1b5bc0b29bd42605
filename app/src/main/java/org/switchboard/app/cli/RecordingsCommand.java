package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.switchboard.pbx.recording.RecordingId;
import org.switchboard.pbx.recording.RecordingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code switchboard recordings list|export}: the call recordings of the running server. */
@Command(name = "recordings", description = "List and export the call recordings of a running server.",
        mixinStandardHelpOptions = true, subcommands = {RecordingsCommand.ListRecordings.class,
                RecordingsCommand.Export.class})
final class RecordingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SwitchboardCommand.USAGE;
    }

    @Command(name = "list", description = "Show call recordings, newest first.", mixinStandardHelpOptions = true)
    static final class ListRecordings implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Option(names = "--call", paramLabel = "ID", description = "Only the recordings of this call (its id in cdr).")
        String call;
        @Option(names = "--extension", paramLabel = "N",
                description = "Only the calls of this extension (caller, callee, or who started the recording).")
        String extension;
        @Option(names = "--since", paramLabel = "DATE",
                description = "Only recordings started on or after this day (2026-03-01, local time) or instant"
                        + " (2026-03-01T08:00:00Z).")
        String since;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                description = "How many recordings, 1 to " + RecordingQuery.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "Print a JSON array of {id, callId, startedAt, endedAt, durationSeconds,"
                + " caller, callee, trigger, startedBy, sizeBytes}.")
        boolean json;

        @Override
        public Integer call() throws CliException {
            if (limit < 1 || limit > RecordingQuery.MAX_LIMIT) {
                throw new CliException("--limit must be from 1 to " + RecordingQuery.MAX_LIMIT + ", got " + limit
                        + ": for example --limit 500", SwitchboardCommand.USAGE);
            }
            List<String> query = new ArrayList<>();
            query.add("limit=" + limit);
            if (call != null) query.add("call=" + encode(nonBlank("--call", call)));
            if (extension != null) query.add("extension=" + encode(nonBlank("--extension", extension)));
            if (since != null) query.add("since=" + encode(since(since, ZoneId.systemDefault()).toString()));
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode recordings = client.get("/recordings?" + String.join("&", query));
                PrintWriter out = spec.commandLine().getOut();
                if (json) out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recordings));
                else print(recordings, out, ZoneId.systemDefault());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Copy a recording's WAV file (stereo: caller left, callee right).",
            mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "ID", description = "The recording's id, from recordings list.")
        String id;
        @Option(names = "--to", paramLabel = "PATH", required = true,
                description = "A file to create, or a directory to create ID.wav in; an existing file is never replaced.")
        Path to;

        @Override
        public Integer call() throws CliException {
            if (!RecordingId.isValid(id)) {
                throw new CliException("'" + id + "' is not a recording id: " + RecordingId.RULE
                        + " (see ./switchboard recordings list).", SwitchboardCommand.USAGE);
            }
            Path target = target(to.toAbsolutePath().normalize(), id);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode recording = client.get("/recordings/" + id);
                long bytes = client.download("/recordings/" + id + "/audio", target);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Recording " + id + " (" + Cells.duration(recording.path("durationSeconds").asLong(0))
                        + ", " + size(bytes) + ") exported to " + target + ".");
                out.flush();
            }
            return 0;
        }
    }

    /** Where an export goes: {@code ID.wav} inside a directory, else the path itself, which must not exist yet. */
    static Path target(Path to, String id) throws CliException {
        Path target = Files.isDirectory(to) ? to.resolve(id + ".wav") : to;
        if (Files.exists(target)) {
            throw new CliException(target + " exists already: choose another name, or delete it first.");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException("Cannot write " + target + ": the directory " + parent + " does not exist.");
        }
        if (!Files.isWritable(parent)) {
            throw new CliException("Cannot write " + target + ": the directory " + parent + " is not writable.");
        }
        return target;
    }

    /** The table, one line per recording; times in {@code zone}. */
    static void print(JsonNode recordings, PrintWriter out, ZoneId zone) {
        if (recordings.isEmpty()) {
            out.println("No recordings.");
            return;
        }
        TextTable table = new TextTable("ID", "CALL", "STARTED", "DURATION", "CALLER", "CALLEE", "SIZE");
        for (JsonNode r : recordings) {
            table.row(Cells.text(r, "id"), Cells.text(r, "callId"), Cells.time(r, "startedAt", zone),
                    Cells.duration(r.path("durationSeconds").asLong(0)), Cells.text(r, "caller"), Cells.text(r, "callee"),
                    size(r.path("sizeBytes").asLong(0)));
        }
        table.print(out);
    }

    /** {@code 512 B}, {@code 45.3 KiB}, {@code 12.0 MiB}. */
    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** A day (midnight in {@code zone}) or an instant. */
    static Instant since(String text, ZoneId zone) throws CliException {
        String v = text.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(zone).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new CliException("--since '" + text + "' is not a date: write a day such as 2026-03-01 or an instant"
                    + " such as 2026-03-01T08:00:00Z.", SwitchboardCommand.USAGE);
        }
    }

    private static String nonBlank(String option, String value) throws CliException {
        if (value.isBlank()) throw new CliException(option + " needs a value.", SwitchboardCommand.USAGE);
        return value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
