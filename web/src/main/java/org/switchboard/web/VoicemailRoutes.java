package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.switchboard.pbx.voicemail.VoicemailAdmin;
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
 * 400 invalid, 404 no such extension. A PIN goes in, never out.
 */
final class VoicemailRoutes {
    static final String PATH = AdminApi.PREFIX + "/voicemail";
    static final String PIN_TYPE = "pin must be a string of digits such as \"2580\" (leading zeros count), or null to remove it";

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
        AdminApi.respond(ctx, 200, json.write(MailboxDocument.of(done(voicemail.update(ctx.pathParam("number"), change)))));
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
