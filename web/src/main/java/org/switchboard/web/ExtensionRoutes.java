package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.ExtensionService.Outcome;
import org.switchboard.pbx.extension.ExtensionService.Saved;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.web.ApiDocuments.ExtensionDocument;
import org.switchboard.web.ApiDocuments.NewExtension;
import org.switchboard.web.ApiDocuments.NewPassword;
import org.switchboard.web.ApiDocuments.SavedExtension;

/**
 * {@code /api/v1/extensions}: list, add, remove, change password. Validation lives in
 * {@link ExtensionService}; this class maps its outcomes to HTTP (400 invalid, 404 unknown,
 * 409 duplicate) and never returns a stored password.
 */
final class ExtensionRoutes {
    static final String PATH = AdminApi.PREFIX + "/extensions";

    private final ExtensionService service;
    private final JsonCodec json;

    ExtensionRoutes(ExtensionService service, JsonCodec json) {
        this.service = service;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::add);
        routes.delete(PATH + "/{number}", this::remove);
        routes.put(PATH + "/{number}/password", this::changePassword);
    }

    private void list(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(service.list().stream().map(ExtensionDocument::of).toList()));
    }

    private void add(Context ctx) {
        NewExtension request = json.read(ctx.body(), NewExtension.class);
        Saved saved = done(service.add(request.number(), request.name(), Optional.ofNullable(request.password())));
        ctx.header("Location", PATH + "/" + saved.extension().number());
        AdminApi.respond(ctx, 201, json.write(document(saved)));
    }

    private void remove(Context ctx) {
        done(service.remove(ctx.pathParam("number")));
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        Optional<String> password = ctx.body().isBlank()
                ? Optional.empty()
                : Optional.ofNullable(json.read(ctx.body(), NewPassword.class).password());
        Saved saved = done(service.changePassword(ctx.pathParam("number"), password));
        AdminApi.respond(ctx, 200, json.write(document(saved)));
    }

    private static SavedExtension document(Saved saved) {
        return new SavedExtension(saved.extension().number(), saved.extension().name(),
                saved.extension().createdAt().toString(), saved.generatedPassword().map(SipSecret::reveal).orElse(null));
    }

    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Invalid<T> invalid -> throw Problem.invalidRequest(invalid.detail()).raise();
            case Outcome.Duplicate<T> duplicate -> throw Problem.conflict("extension " + duplicate.number()
                    + " already exists: choose another number or remove the existing one first").raise();
            case Outcome.NotFound<T> notFound -> throw Problem.notFound("there is no extension "
                    + notFound.number()).raise();
        };
    }
}
