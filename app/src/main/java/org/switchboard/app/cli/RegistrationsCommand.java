package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code switchboard registrations}: which devices are registered to the running server now. */
@Command(name = "registrations", description = "Show the devices registered now.", mixinStandardHelpOptions = true)
final class RegistrationsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOption data;
    @Option(names = "--json", description = "Print a JSON array of {aor, contact, expiresInSeconds, transport, source,"
            + " userAgent, registeredAt}.")
    boolean json;

    @Override
    public Integer call() throws CliException {
        try (AdminClient client = AdminClient.connect(data.path())) {
            JsonNode registrations = client.get("/registrations");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(registrations));
            } else if (registrations.isEmpty()) {
                out.println("No devices are registered.");
            } else {
                TextTable table = new TextTable("EXTENSION", "CONTACT", "TRANSPORT", "SOURCE", "EXPIRES", "USER-AGENT");
                for (JsonNode r : registrations) {
                    table.row(r.get("aor").asString(), r.get("contact").asString(), r.get("transport").asString(),
                            r.get("source").asString(), r.get("expiresInSeconds").asLong() + " s",
                            r.get("userAgent").asString());
                }
                table.print(out);
            }
            out.flush();
        }
        return 0;
    }
}
