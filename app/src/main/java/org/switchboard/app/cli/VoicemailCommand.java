package org.switchboard.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code switchboard voicemail set|list}: mailboxes of the running server and their messages. */
@Command(name = "voicemail", description = "Manage the voicemail boxes of a running server.",
        mixinStandardHelpOptions = true, subcommands = {VoicemailCommand.SetSettings.class, VoicemailCommand.ListMessages.class})
final class VoicemailCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SwitchboardCommand.USAGE;
    }

    @Command(name = "set", description = "Change a mailbox: its PIN, where and how new messages are mailed, its language.",
            mixinStandardHelpOptions = true)
    static final class SetSettings implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "NUMBER", description = "Extension number of the mailbox.")
        String number;
        @Option(names = "--pin", paramLabel = "PIN|-|none", description = "New PIN, 4 to 10 digits (not 0000, 1234 or the"
                + " number itself); '-' reads it from standard input (keeps it out of the shell history); 'none' removes it"
                + " (the mailbox is then entered only from its own phone, which asks for a new PIN).")
        String pin;
        @Option(names = "--email", paramLabel = "ADDR|none", description = "Where new messages are mailed; 'none' for nowhere.")
        String email;
        @Option(names = "--email-mode", paramLabel = "MODE", description = "attach (the recording attached), attach-delete"
                + " (attached, then deleted from the mailbox), notify (a notice only) or off.")
        String emailMode;
        @Option(names = "--language", paramLabel = "LANG", description = "en, fr or de, or 'default' for the server's.")
        String language;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            if (pin == null && email == null && emailMode == null && language == null) {
                throw new CliException("Nothing to change: give --pin, --email, --email-mode and/or --language, for example"
                        + " ./switchboard voicemail set " + number + " --email name@example.com --email-mode attach",
                        SwitchboardCommand.USAGE);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (pin != null) body.put("pin", pin.equals("none") ? null : pin.equals("-") ? readPin() : pin);
            if (email != null) body.put("email", email.equals("none") ? null : email);
            if (emailMode != null) {
                if (EmailMode.parse(emailMode).isEmpty()) {
                    throw new CliException("--email-mode '" + emailMode + "': " + EmailMode.RULE + ".", SwitchboardCommand.USAGE);
                }
                body.put("emailMode", emailMode.strip().toLowerCase(Locale.ROOT));
            }
            if (language != null) {
                if (!language.equals("default") && MailboxLanguage.parse(language).isEmpty()) {
                    throw new CliException("--language '" + language + "': " + MailboxLanguage.RULE + ", or default.",
                            SwitchboardCommand.USAGE);
                }
                body.put("language", language.equals("default") ? null : language);
            }
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode mailbox = client.patch("/voicemail/" + number, body);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Mailbox " + number + " updated: " + summary(mailbox) + ".");
                out.flush();
            }
            return 0;
        }

        private String readPin() throws CliException {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isBlank()) throw new CliException("--pin -: no PIN on standard input.");
                return line.strip();
            } catch (IOException e) {
                throw new CliException("--pin -: cannot read standard input: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", description = "Show a mailbox's settings and messages, with the state of their e-mail.",
            mixinStandardHelpOptions = true)
    static final class ListMessages implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DataOption data;
        @Parameters(paramLabel = "NUMBER", description = "Extension number of the mailbox.")
        String number;
        @Option(names = "--json", description = "Print {mailbox: {number, pinSet, email, emailMode, language,"
                + " effectiveLanguage, messages, greeting}, messages: [{id, folder, callerNumber, callerName, receivedAt,"
                + " durationSeconds, email: {state, address, mode, attempts, nextAttemptAt, lastError, sentAt}}]}.")
        boolean json;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode mailbox = client.get("/voicemail/" + number);
                JsonNode messages = client.get("/voicemail/" + number + "/messages");
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode both = AdminClient.JSON.createObjectNode();
                    both.set("mailbox", mailbox);
                    both.set("messages", messages);
                    out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(both));
                } else {
                    print(mailbox, messages, out, ZoneId.systemDefault());
                }
                out.flush();
            }
            return 0;
        }
    }

    /** The mailbox line, then one line per message; times in {@code zone}. */
    static void print(JsonNode mailbox, JsonNode messages, PrintWriter out, ZoneId zone) {
        JsonNode counts = mailbox.path("messages");
        out.println("Mailbox " + mailbox.path("number").asString() + ": " + summary(mailbox) + ".");
        out.println("Messages: " + counts.path("newMessages").asInt() + " new, " + counts.path("oldMessages").asInt()
                + " old, " + counts.path("savedMessages").asInt() + " saved.");
        if (messages.isEmpty()) return;
        TextTable table = new TextTable("RECEIVED", "FOLDER", "FROM", "DURATION", "ID", "E-MAIL");
        for (JsonNode m : messages) {
            table.row(Cells.time(m, "receivedAt", zone), Cells.text(m, "folder"), caller(m),
                    Cells.duration(m.path("durationSeconds").asLong(0)), Cells.text(m, "id"), email(m.path("email"), zone));
        }
        table.print(out);
    }

    /** {@code PIN set, e-mail dr@praxis.ch (attach), language de}. */
    static String summary(JsonNode mailbox) {
        String pin = mailbox.path("pinSet").asBoolean() ? "PIN set" : "no PIN";
        String mode = Cells.text(mailbox, "emailMode");
        String email = Cells.text(mailbox, "email").equals("-") ? "no e-mail"
                : "e-mail " + mailbox.path("email").asString() + " (" + mode + ")";
        String language = mailbox.path("language").isNull() || mailbox.path("language").isMissingNode()
                ? Cells.text(mailbox, "effectiveLanguage") + " (default)" : mailbox.path("language").asString();
        return pin + ", " + email + ", language " + language;
    }

    private static String caller(JsonNode m) {
        String number = m.path("callerNumber").asString("");
        String name = m.path("callerName").asString("");
        if (number.isEmpty() && name.isEmpty()) return "unknown";
        if (number.isEmpty() || name.isEmpty() || name.equals(number)) return number.isEmpty() ? name : number;
        return number + " (" + name + ")";
    }

    /** {@code sent}, {@code pending: attempt 2 failed (ERROR), next 14:09:00}, {@code failed after 16 attempts: ERROR}, {@code -}. */
    static String email(JsonNode e, ZoneId zone) {
        if (e.isNull() || e.isMissingNode()) return "-";
        String state = e.path("state").asString();
        int attempts = e.path("attempts").asInt();
        String error = Cells.text(e, "lastError");
        return switch (state) {
            case "sent" -> "sent";
            case "pending" -> attempts == 0 ? "pending"
                    : "pending: attempt " + attempts + " failed (" + error + "), next " + Cells.time(e, "nextAttemptAt", zone);
            case "failed" -> "failed: " + error;
            default -> state;
        };
    }

    /** Checked here too because the number becomes part of a URL path. */
    private static void checkNumber(String number) throws CliException {
        if (!ExtensionNumber.isValid(number)) {
            throw new CliException("'" + number + "' is not a valid extension number: " + ExtensionNumber.RULE + ".");
        }
    }
}
