package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.voicemail.VoicemailAdmin;
import org.switchboard.pbx.voicemail.greeting.GreetingChange;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxChange;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;
import org.switchboard.web.VoicemailDocuments.MailboxDocument;
import org.switchboard.web.VoicemailDocuments.MailboxPatch;
import org.switchboard.web.VoicemailDocuments.MessageDocument;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/voicemail/{number}}: a mailbox's settings ({@code GET}, {@code PATCH} as a JSON
 * merge patch, RFC 7396) and its messages with their e-mail states ({@code GET .../messages}).
 * The rules are {@code MailboxService}'s; this class checks JSON types and maps outcomes to HTTP:
 * 400 invalid, 404 no such extension. A PIN goes in, never out. The whole patch is checked
 * before anything is written, so a bad field changes nothing; problems about {@code greetings}
 * name the field ({@code greetings.schedule: ...}).
 */
final class VoicemailRoutes {
    static final String PATH = AdminApi.PREFIX + "/voicemail";
    static final String PIN_TYPE = "pin must be a string of digits such as \"2580\" (leading zeros count), or null to remove it";
    static final String GREETINGS_TYPE = "greetings must be an object with activeCustom, temporaryUntil and/or schedule,"
            + " or null to reset all three";
    static final String ACTIVE_CUSTOM_TYPE = "greetings.activeCustom must be a custom greeting's name as a string,"
            + " or null for the standard greetings";
    static final String TEMPORARY_UNTIL_TYPE = "greetings.temporaryUntil must be a time with its offset such as"
            + " \"2026-12-24T08:00:00Z\", or null to play the temporary greeting until it is deleted";
    static final String SCHEDULE_TYPE = "greetings.schedule must be text such as \"closed sat-sun; lunch mon-fri"
            + " 12:00-13:30\", or null for no schedule";
    private static final List<String> GREETING_FIELDS = List.of("activeCustom", "schedule", "temporaryUntil");

    private final VoicemailAdmin voicemail;
    private final JsonCodec json;

    VoicemailRoutes(VoicemailAdmin voicemail, JsonCodec json) {
        this.voicemail = voicemail;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH + "/{number}", this::get);
        routes.patch(PATH + "/{number}", this::update);
        routes.get(PATH + "/{number}/messages", this::messages);
    }

    private void get(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(MailboxDocument.of(done(voicemail.mailbox(ctx.pathParam("number"))))));
    }

    private void update(Context ctx) {
        MailboxPatch patch = json.read(ctx.body(), MailboxPatch.class);
        MailboxChange change = MailboxChange.NONE;
        if (patch.pin() != null) {
            if (patch.pin().isNull()) change = change.withoutPin();
            else if (patch.pin().isString()) change = change.withPin(patch.pin().asString());
            else throw Problem.invalidRequest(PIN_TYPE).raise();
        }
        if (patch.email() != null) {
            if (patch.email().isNull()) change = change.withoutEmail();
            else if (patch.email().isString()) change = change.withEmail(patch.email().asString().strip());
            else throw Problem.invalidRequest("email must be a string, or null to remove it").raise();
        }
        if (patch.emailMode() != null) {
            Optional<EmailMode> mode = word(patch.emailMode()).flatMap(EmailMode::parse);
            if (mode.isEmpty()) throw Problem.invalidRequest(EmailMode.RULE + ", as a string").raise();
            change = change.withEmailMode(mode.get());
        }
        if (patch.language() != null) {
            if (patch.language().isNull()) {
                change = change.withLanguage(Optional.empty());
            } else {
                Optional<MailboxLanguage> language = word(patch.language()).flatMap(MailboxLanguage::parse);
                if (language.isEmpty()) {
                    throw Problem.invalidRequest(MailboxLanguage.RULE + ", or null for the server default").raise();
                }
                change = change.withLanguage(language);
            }
        }
        if (patch.greetings() != null) change = change.withGreetings(greetingChange(patch.greetings()));
        AdminApi.respond(ctx, 200, json.write(MailboxDocument.of(done(voicemail.update(ctx.pathParam("number"), change)))));
    }

    /** {@code greetings} of a patch, merged field by field (RFC 7396 §2); null resets the choice. */
    private static GreetingChange greetingChange(JsonNode greetings) {
        if (greetings.isNull()) return GreetingChange.RESET;
        if (!greetings.isObject()) throw Problem.invalidRequest(GREETINGS_TYPE).raise();
        for (String field : greetings.propertyNames()) {
            if (field.equals("recorded")) {
                throw Problem.invalidRequest("greetings.recorded cannot be changed here: greetings are recorded from"
                        + " the owner's phone (*97, then 0 for the options)").raise();
            }
            if (!GREETING_FIELDS.contains(field)) {
                throw Problem.invalidRequest("unknown field 'greetings." + field + "'; known fields: "
                        + String.join(", ", GREETING_FIELDS)).raise();
            }
        }
        GreetingChange change = GreetingChange.NONE;
        JsonNode active = greetings.get("activeCustom");
        if (active != null) {
            if (active.isNull()) {
                change = change.withActiveCustom(Optional.empty());
            } else if (!active.isString()) {
                throw Problem.invalidRequest(ACTIVE_CUSTOM_TYPE).raise();
            } else if (!GreetingKind.Custom.isValidName(active.asString())) {
                throw Problem.invalidRequest("greetings.activeCustom: " + GreetingKind.Custom.RULE).raise();
            } else {
                change = change.withActiveCustom(Optional.of(active.asString()));
            }
        }
        JsonNode until = greetings.get("temporaryUntil");
        if (until != null) change = change.withTemporaryUntil(until.isNull() ? Optional.empty() : Optional.of(instant(until)));
        JsonNode schedule = greetings.get("schedule");
        if (schedule != null) {
            if (schedule.isNull()) {
                change = change.withSchedule(WeeklySchedule.NONE);
            } else if (!schedule.isString()) {
                throw Problem.invalidRequest(SCHEDULE_TYPE).raise();
            } else {
                change = change.withSchedule(switch (WeeklySchedule.parse(schedule.asString())) {
                    case WeeklySchedule.Parsed.Ok ok -> ok.schedule();
                    case WeeklySchedule.Parsed.Invalid invalid ->
                            throw Problem.invalidRequest("greetings.schedule: " + invalid.problem()).raise();
                });
            }
        }
        return change;
    }

    private static Instant instant(JsonNode time) {
        if (!time.isString()) throw Problem.invalidRequest(TEMPORARY_UNTIL_TYPE).raise();
        try {
            return OffsetDateTime.parse(time.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalidRequest(TEMPORARY_UNTIL_TYPE).raise();
        }
    }

    private void messages(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(done(voicemail.messages(ctx.pathParam("number"))).stream()
                .map(MessageDocument::of).toList()));
    }

    private static Optional<String> word(JsonNode node) {
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Invalid<T> invalid -> throw Problem.invalidRequest(invalid.detail()).raise();
            case Outcome.NotFound<T> notFound -> throw Problem.notFound("there is no extension " + notFound.number()
                    + ", so no mailbox").raise();
        };
    }
}
