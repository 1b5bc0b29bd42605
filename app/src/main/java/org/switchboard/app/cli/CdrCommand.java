package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code switchboard cdr}: the latest call records (CDR), newest first. */
@Command(name = "cdr", description = "Show the latest call records (CDR), newest first.", mixinStandardHelpOptions = true)
final class CdrCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;

    @Spec CommandSpec spec;
    @Mixin DataOption data;
    @Option(names = "--json", description = "Print a JSON array of {id, caller, callerName, callee, startedAt,"
            + " answeredAt, endedAt, disposition, cause, hangupSide, durationSeconds, billableSeconds, legIds}.")
    boolean json;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "How many records, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws CliException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CliException("--limit must be from 1 to " + MAX_LIMIT + ", got " + limit
                    + ": for example --limit 100", SwitchboardCommand.USAGE);
        }
        try (AdminClient client = AdminClient.connect(data.path())) {
            JsonNode records = client.get("/cdr?limit=" + limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records));
            else print(records, out, ZoneId.systemDefault());
            out.flush();
        }
        return 0;
    }

    /** The table, one line per call; times in {@code zone}, durations as H:MM:SS. */
    static void print(JsonNode records, PrintWriter out, ZoneId zone) {
        if (records.isEmpty()) {
            out.println("No call records yet.");
            return;
        }
        TextTable table = new TextTable("START", "CALLER", "CALLEE", "DISPOSITION", "DURATION", "BILLABLE", "CAUSE",
                "SIDE");
        for (JsonNode r : records) {
            String name = Cells.text(r, "callerName");
            String caller = Cells.text(r, "caller") + (name.isEmpty() || name.equals("-") ? "" : " (" + name + ")");
            boolean live = r.path("endedAt").isNull() || r.path("endedAt").isMissingNode();
            table.row(Cells.time(r, "startedAt", zone), caller, Cells.text(r, "callee"),
                    live ? "(in progress)" : Cells.text(r, "disposition"),
                    Cells.duration(r.path("durationSeconds").asLong(0)),
                    Cells.duration(r.path("billableSeconds").asLong(0)),
                    Cells.text(r, "cause"), Cells.text(r, "hangupSide"));
        }
        table.print(out);
    }
}
