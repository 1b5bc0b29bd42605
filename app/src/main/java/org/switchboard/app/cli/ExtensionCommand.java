package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.SrtpPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code switchboard extension add|list|set|remove|passwd}: extensions of the running server. */
@Command(name = "extension", description = "Manage the extensions of a running server.",
        mixinStandardHelpOptions = true,
        subcommands = {ExtensionCommand.Add.class, ExtensionCommand.ListAll.class, ExtensionCommand.SetSettings.class,
                ExtensionCommand.Remove.class, ExtensionCommand.Passwd.class})
final class ExtensionCommand implements Callable<Integer> {
    private static final String RING_TIMEOUT_HELP = "How long its phones ring before the caller hears 480:"
            + " whole seconds from 5 to 600";
    private static final String SRTP_HELP = "SRTP (encrypted media, keys exchanged over TLS only): 'required' (calls"
            + " must use SRTP, phones must be on TLS), 'optional' (the default: SRTP when a phone on TLS offers or"
            + " accepts it) or 'off'.";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "add", description = "Add an extension. Without --password a strong one is generated and shown once.",
            mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Mixin ExtensionSettingsOptions settings;
        @Parameters(paramLabel = "NUMBER", description = "Extension number: " + ExtensionNumber.RULE + ".")
        String number;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name, e.g. \"Alice\".")
        String name;
        @Option(names = "--password", paramLabel = "PW", description = "SIP password (at least 8 characters).")
        String password;
        @Option(names = "--ring-timeout", paramLabel = "SECONDS", description = RING_TIMEOUT_HELP
                + " (default: the server's calls.ring-timeout).")
        String ringTimeout;

        @Override
        public Integer call() throws CliException {
            Optional<Integer> seconds = ringTimeout == null ? Optional.empty() : RingTimeoutText.parse(ringTimeout);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("number", number);
            body.put("name", name);
            if (password != null) body.put("password", password);
            seconds.ifPresent(s -> body.put("ringTimeoutSeconds", s));
            settings.putInto(body);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode saved = client.post("/extensions", body);
                PrintWriter out = spec.commandLine().getOut();
                List<String> parts = new ArrayList<>();
                if (ringTimeout != null) parts.add("ring timeout " + RingTimeoutText.describe(saved));
                parts.addAll(settings.describe(saved));
                out.println("Extension " + saved.get("number").asString() + " (" + saved.get("name").asString() + ") added"
                        + (parts.isEmpty() ? "." : ": " + String.join(", ", parts) + "."));
                printGenerated(out, saved);
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the extensions.", mixinStandardHelpOptions = true)
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Option(names = "--json", description = "Print a JSON array of {number, name, createdAt, ringTimeoutSeconds"
                + " (null: the server default), effectiveRingTimeoutSeconds, srtp, language and mohClass (null: the server"
                + " default), recording}.")
        boolean json;

        @Override
        public Integer call() throws CliException {
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode extensions = client.get("/extensions");
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(extensions));
                } else if (extensions.isEmpty()) {
                    out.println("No extensions yet: add one with ./switchboard extension add NUMBER --name NAME");
                } else {
                    TextTable table = new TextTable("NUMBER", "NAME", "RING", "SRTP", "LANGUAGE", "MOH", "RECORDING",
                            "CREATED");
                    for (JsonNode e : extensions) {
                        table.row(e.get("number").asString(), e.get("name").asString(), RingTimeoutText.describe(e),
                                e.path("srtp").asString("-"), ExtensionSettingsOptions.shown(e.path("language")),
                                ExtensionSettingsOptions.shown(e.path("mohClass")), e.path("recording").asString("-"),
                                e.get("createdAt").asString());
                    }
                    table.print(out);
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change the settings of an extension: its name, how long its phones ring,"
            + " its SRTP policy, prompt language, music on hold class and recording policy.",
            mixinStandardHelpOptions = true)
    static final class SetSettings implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "NUMBER", description = "Extension number.")
        String number;
        @Option(names = "--name", paramLabel = "NAME", description = "New display name.")
        String name;
        @Option(names = "--ring-timeout", paramLabel = "SECONDS|default", description = RING_TIMEOUT_HELP
                + ", or 'default' for the server's calls.ring-timeout.")
        String ringTimeout;
        @Option(names = "--srtp", paramLabel = "required|optional|off", description = SRTP_HELP)
        String srtp;
        @Mixin ExtensionSettingsOptions settings;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            if (name == null && ringTimeout == null && srtp == null && settings.isEmpty()) {
                throw new CliException("Nothing to change: give --name NAME, --ring-timeout SECONDS|default,"
                        + " --srtp required|optional|off, --language LANG|default, --moh CLASS|default and/or"
                        + " --recording always|on-demand|never, for example ./switchboard extension set " + number
                        + " --ring-timeout 20", SwitchboardCommand.USAGE);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (name != null) body.put("name", name);
            if (ringTimeout != null) body.put("ringTimeoutSeconds", RingTimeoutText.parse(ringTimeout).orElse(null));
            if (srtp != null) {
                SrtpPolicy policy = SrtpPolicy.parse(srtp).orElseThrow(() -> new CliException("--srtp takes required,"
                        + " optional or off, got '" + srtp + "': for example --srtp required", SwitchboardCommand.USAGE));
                body.put("srtp", policy.word());
            }
            settings.putInto(body);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode saved = client.patch("/extensions/" + number, body);
                PrintWriter out = spec.commandLine().getOut();
                List<String> parts = new ArrayList<>();
                parts.add("ring timeout " + RingTimeoutText.describe(saved));
                if (srtp != null) parts.add("SRTP " + saved.path("srtp").asString());
                parts.addAll(settings.describe(saved));
                out.println("Extension " + number + " (" + saved.get("name").asString() + ") updated: "
                        + String.join(", ", parts) + ".");
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an extension and its password.", mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "NUMBER", description = "Extension number.")
        String number;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            try (AdminClient client = AdminClient.connect(data.path())) {
                client.delete("/extensions/" + number);
                spec.commandLine().getOut().println("Extension " + number + " removed.");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "passwd", description = "Change the SIP password of an extension. Without --password a strong one"
            + " is generated and shown once.", mixinStandardHelpOptions = true)
    static final class Passwd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "NUMBER", description = "Extension number.")
        String number;
        @Option(names = "--password", paramLabel = "PW", description = "New SIP password (at least 8 characters).")
        String password;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            Map<String, String> body = new LinkedHashMap<>();
            if (password != null) body.put("password", password);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode saved = client.put("/extensions/" + number + "/password", body);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Password of extension " + number + " changed.");
                printGenerated(out, saved);
            }
            return 0;
        }
    }

    private static void printGenerated(PrintWriter out, JsonNode saved) {
        if (saved.hasNonNull("generatedPassword")) {
            out.println("SIP password (shown once, store it now): " + saved.get("generatedPassword").asString());
        }
        out.flush();
    }

    /** Checked here too because the number becomes part of a URL path. */
    private static void checkNumber(String number) throws CliException {
        if (!ExtensionNumber.isValid(number)) {
            throw new CliException("'" + number + "' is not a valid extension number: " + ExtensionNumber.RULE + ".");
        }
    }
}
