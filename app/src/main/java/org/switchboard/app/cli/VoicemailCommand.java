package org.switchboard.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.ScheduledGreeting;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;
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

/**
 * {@code switchboard voicemail set|list}: mailboxes of the running server, their greetings and
 * messages. Times typed or shown are in this machine's time zone, which is the server's (the CLI
 * talks to the server of its own data directory).
 */
@Command(name = "voicemail", description = "Manage the voicemail boxes of a running server.",
        mixinStandardHelpOptions = true, subcommands = {VoicemailCommand.SetSettings.class, VoicemailCommand.ListMessages.class})
final class VoicemailCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SwitchboardCommand.USAGE;
    }

    @Command(name = "set", description = "Change a mailbox: its PIN, where and how new messages are mailed, its language,"
            + " which greeting callers hear.", mixinStandardHelpOptions = true)
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
        @Option(names = "--greeting", paramLabel = "NAME|standard", description = "The custom greeting callers hear (those"
                + " recorded from the phone, *97 then 0 then 7, are named 1 to 9), or 'standard' for the unavailable and busy"
                + " ones. One not recorded yet is kept: callers hear the standard greeting until it is.")
        String greeting;
        @Option(names = "--temporary-until", paramLabel = "TIME|none", description = "When the temporary greeting stops"
                + " playing, in the server's time zone, e.g. 2026-12-24T08:00; 'none' plays it until it is deleted.")
        String temporaryUntil;
        @Option(names = "--schedule", paramLabel = "TEXT|none", description = "Custom greetings by day and time (server's"
                + " time zone), entries separated by ';', the first in force wins: \"closed sat-sun; lunch mon-fri"
                + " 12:00-13:30\"; days mon..sun, ranges, lists (sat,sun) or daily; 'none' removes the schedule.")
        String schedule;

        @Override
        public Integer call() throws CliException {
            checkNumber(number);
            if (pin == null && email == null && emailMode == null && language == null && greeting == null
                    && temporaryUntil == null && schedule == null) {
                throw new CliException("Nothing to change: give --pin, --email, --email-mode, --language, --greeting,"
                        + " --temporary-until and/or --schedule, for example ./switchboard voicemail set " + number
                        + " --email name@example.com --email-mode attach", SwitchboardCommand.USAGE);
            }
            ZoneId zone = ZoneId.systemDefault();
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
            Map<String, Object> greetings = new LinkedHashMap<>();
            if (greeting != null) greetings.put("activeCustom", greeting.equals("standard") ? null : greetingName(greeting));
            Instant until = temporaryUntil == null || temporaryUntil.equals("none") ? null : until(temporaryUntil, zone);
            if (temporaryUntil != null) greetings.put("temporaryUntil", until == null ? null : until.toString());
            if (schedule != null) greetings.put("schedule", schedule.equals("none") ? null : schedule(schedule).text());
            if (!greetings.isEmpty()) body.put("greetings", greetings);
            try (AdminClient client = AdminClient.connect(data.path())) {
                JsonNode mailbox = client.patch("/voicemail/" + number, body);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Mailbox " + number + " updated: " + summary(mailbox) + ".");
                if (!greetings.isEmpty()) out.println(greetingChoice(mailbox.path("greetings"), zone));
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                for (String warning : warnings(mailbox.path("greetings"), greetings.keySet(), Instant.now(), zone)) {
                    err.println("Warning: " + warning);
                }
                err.flush();
            }
            return 0;
        }

        private static String greetingName(String name) throws CliException {
            if (!GreetingKind.Custom.isValidName(name)) {
                throw new CliException("--greeting '" + name + "': " + GreetingKind.Custom.RULE + "; or standard.",
                        SwitchboardCommand.USAGE);
            }
            return name;
        }

        private static WeeklySchedule schedule(String text) throws CliException {
            return switch (WeeklySchedule.parse(text)) {
                case WeeklySchedule.Parsed.Ok ok -> ok.schedule();
                case WeeklySchedule.Parsed.Invalid invalid ->
                        throw new CliException("--schedule: " + invalid.problem() + ".", SwitchboardCommand.USAGE);
            };
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
                + " effectiveLanguage, messages, greetings: {activeCustom, temporaryUntil, schedule, recorded: [{kind,"
                + " customName, recordedAt, durationSeconds}]}}, messages: [{id, folder, callerNumber, callerName,"
                + " receivedAt, durationSeconds, email: {state, address, mode, attempts, nextAttemptAt, lastError,"
                + " sentAt}}]}.")
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

    /** The mailbox line, its greetings, its counts, then one line per message; times in {@code zone}. */
    static void print(JsonNode mailbox, JsonNode messages, PrintWriter out, ZoneId zone) {
        JsonNode counts = mailbox.path("messages");
        out.println("Mailbox " + mailbox.path("number").asString() + ": " + summary(mailbox) + ".");
        out.println(greetingChoice(mailbox.path("greetings"), zone));
        out.println(recordedGreetings(mailbox.path("greetings")));
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

    /**
     * {@code Greetings: custom holiday chosen, temporary until 2026-12-24 08:00:00, schedule "closed
     * sat,sun"}: the choice, with what is missing for it to play.
     */
    static String greetingChoice(JsonNode greetings, ZoneId zone) {
        Set<String> recorded = recordedKinds(greetings);
        List<String> parts = new ArrayList<>();
        String active = Cells.text(greetings, "activeCustom");
        parts.add(active.equals("-") ? "standard chosen"
                : "custom " + active + " chosen" + (recorded.contains("custom " + active) ? "" : " (not recorded)"));
        String until = Cells.time(greetings, "temporaryUntil", zone);
        if (recorded.contains("temporary")) parts.add("temporary until " + (until.equals("-") ? "deleted" : until));
        else if (!until.equals("-")) parts.add("temporary end " + until + " (no temporary greeting recorded)");
        String schedule = Cells.text(greetings, "schedule");
        parts.add(schedule.equals("-") ? "no schedule" : "schedule \"" + schedule + "\"");
        return "Greetings: " + String.join(", ", parts) + ".";
    }

    /** {@code Recorded greetings: unavailable 0:00:12, custom holiday 0:00:20.} */
    static String recordedGreetings(JsonNode greetings) {
        List<String> each = new ArrayList<>();
        for (JsonNode g : greetings.path("recorded")) {
            each.add(kind(g) + " " + Cells.duration(g.path("durationSeconds").asLong(0)));
        }
        return "Recorded greetings: " + (each.isEmpty() ? "none" : String.join(", ", each)) + ".";
    }

    /**
     * What the server kept but callers will not hear, for the fields just {@code changed}: a chosen
     * or scheduled greeting never recorded (skipped when calls come, so the standard one plays), an
     * end for a temporary greeting that is not recorded (recording one from the phone clears it),
     * or an end already past.
     */
    static List<String> warnings(JsonNode greetings, Set<String> changed, Instant now, ZoneId zone) {
        Set<String> recorded = recordedKinds(greetings);
        List<String> warnings = new ArrayList<>();
        String active = Cells.text(greetings, "activeCustom");
        if (changed.contains("activeCustom") && !active.equals("-") && !recorded.contains("custom " + active)) {
            warnings.add("greeting " + active + " is not recorded yet: callers hear the standard greeting until it is.");
        }
        String until = Cells.text(greetings, "temporaryUntil");
        if (changed.contains("temporaryUntil") && !until.equals("-")) {
            if (!recorded.contains("temporary")) {
                warnings.add("no temporary greeting is recorded, so this end changes nothing (recording one from the"
                        + " phone clears it).");
            } else if (!Instant.parse(until).isAfter(now)) {
                warnings.add(Cells.time(greetings, "temporaryUntil", zone) + " has passed: the temporary greeting no"
                        + " longer plays.");
            }
        }
        if (changed.contains("schedule") && !Cells.text(greetings, "schedule").equals("-")
                && WeeklySchedule.parse(greetings.path("schedule").asString()) instanceof WeeklySchedule.Parsed.Ok ok) {
            Set<String> missing = new LinkedHashSet<>();
            for (ScheduledGreeting entry : ok.schedule().entries()) {
                if (!recorded.contains("custom " + entry.greeting())) missing.add(entry.greeting());
            }
            if (!missing.isEmpty()) {
                warnings.add("the schedule names greetings not recorded yet (" + String.join(", ", missing)
                        + "): callers hear the standard greeting at those times until they are.");
            }
        }
        return warnings;
    }

    /** {@code unavailable}, {@code custom holiday}. */
    private static String kind(JsonNode g) {
        String kind = Cells.text(g, "kind");
        return kind.equals("custom") ? "custom " + Cells.text(g, "customName") : kind;
    }

    private static Set<String> recordedKinds(JsonNode greetings) {
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode g : greetings.path("recorded")) kinds.add(kind(g));
        return kinds;
    }

    /** A local time in {@code zone} ({@code 2026-12-24T08:00}, or with a space), or a time with its offset. */
    static Instant until(String text, ZoneId zone) throws CliException {
        String v = text.strip();
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException offset) {
                throw new CliException("--temporary-until '" + text + "': write a date and time such as 2026-12-24T08:00"
                        + " (the server's time zone, " + zone.getId() + "), or none.", SwitchboardCommand.USAGE);
            }
        }
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
