package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code switchboard calls}: the calls up now, one line per leg, with the server's media port of
 * each and a compact view of its media ({@code loss 0.0% jit 3ms rtt 12ms}); {@code --json} has
 * every figure.
 */
@Command(name = "calls", description = "Show the calls up now with their legs, media ports and media quality.",
        mixinStandardHelpOptions = true)
final class CallsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOption data;
    @Option(names = "--json", description = "Print a JSON array of {id, caller, callee, state, startedAt, answeredAt,"
            + " durationSeconds, legs: [{id, party, state, transport, remote, rtpPort, media: {mode, srtp, packetsIn,"
            + " bytesIn, packetsOut, bytesOut, packetsLost, lossPercent, jitterMs, roundTripMs,"
            + " phoneReport: {lossPercent, packetsLost, jitterMs, receivedAt}}}]}.")
    boolean json;

    @Override
    public Integer call() throws CliException {
        try (AdminClient client = AdminClient.connect(data.path())) {
            JsonNode calls = client.get("/calls");
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(calls));
            else print(calls, out, ZoneId.systemDefault());
            out.flush();
        }
        return 0;
    }

    /** The table: the call's columns on its first leg's line only; times in {@code zone}. */
    static void print(JsonNode calls, PrintWriter out, ZoneId zone) {
        if (calls.isEmpty()) {
            out.println("No calls are up.");
            return;
        }
        TextTable table = new TextTable("CALL", "CALLER", "CALLEE", "STATE", "SINCE",
                "LEG", "PARTY", "LEG-STATE", "TRANSPORT", "REMOTE", "RTP", "MEDIA");
        for (JsonNode c : calls) {
            String[] call = {Cells.text(c, "id"), Cells.text(c, "caller"), Cells.text(c, "callee"),
                    Cells.text(c, "state"), Cells.time(c, "startedAt", zone)};
            String[] blank = {"", "", "", "", ""};
            JsonNode legs = c.path("legs");
            if (legs.isEmpty()) {
                table.row(Cells.concat(call, new String[] {"-", "-", "-", "-", "-", "-", "-"}));
                continue;
            }
            boolean first = true;
            for (JsonNode l : legs) {
                int rtp = l.path("rtpPort").asInt(0);
                table.row(Cells.concat(first ? call : blank, new String[] {Cells.text(l, "id"), Cells.text(l, "party"),
                        Cells.text(l, "state"), Cells.text(l, "transport"), Cells.text(l, "remote"),
                        rtp > 0 ? Integer.toString(rtp) : "-", media(l.path("media"))}));
                first = false;
            }
        }
        table.print(out);
    }

    /**
     * The media column: loss of what the phone sends (last interval), its jitter and the round
     * trip to the phone, each when known; {@code -} without figures.
     */
    static String media(JsonNode m) {
        if (m.isNull() || m.isMissingNode()) return "-";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "loss %.1f%%", m.path("lossPercent").asDouble()));
        JsonNode jitter = m.path("jitterMs");
        if (jitter.isNumber()) text.append(String.format(Locale.ROOT, " jit %.0fms", jitter.asDouble()));
        JsonNode rtt = m.path("roundTripMs");
        if (rtt.isNumber()) text.append(String.format(Locale.ROOT, " rtt %.0fms", rtt.asDouble()));
        return text.toString();
    }
}
