package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionChange;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.ExtensionService.Outcome;
import org.switchboard.pbx.extension.ExtensionService.Saved;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.extension.RingTimeout;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.web.ApiDocuments.ExtensionDocument;
import org.switchboard.web.ApiDocuments.ExtensionPatch;
import org.switchboard.web.ApiDocuments.NewExtension;
import org.switchboard.web.ApiDocuments.NewPassword;
import org.switchboard.web.ApiDocuments.SavedExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/extensions}: list, get, add, change settings, remove, change password.
 * Validation lives in {@link ExtensionService}; this class checks only JSON types and maps the
 * service's outcomes to HTTP (400 invalid, 404 unknown, 409 duplicate). It never returns a
 * stored password. {@code PATCH} follows JSON merge patch (RFC 7396): a missing field is kept,
 * {@code null} resets the ring timeout, the language and the music class to the server's defaults;
 * {@code srtp} takes {@code "required"}, {@code "optional"} or {@code "off"} ({@code null}: the
 * default, optional); {@code recording} {@code "never"}, {@code "always"} or {@code "on-demand"}
 * ({@code null}: the default, never). {@code POST} takes the same settings.
 */
final class ExtensionRoutes {
    static final String PATH = AdminApi.PREFIX + "/extensions";
    static final String RING_TIMEOUT_TYPE = "ringTimeoutSeconds must be a whole number of seconds (5 to 600),"
            + " or null for the server default";
    static final String LANGUAGE_TYPE = "language must be a string such as \"fr\" or \"fr-CH\", or null for the"
            + " server default";
    static final String MOH_CLASS_TYPE = "mohClass must be a string naming a music class (a folder of DATA/moh/),"
            + " or null for the server default";

    private final ExtensionService service;
    private final JsonCodec json;

    ExtensionRoutes(ExtensionService service, JsonCodec json) {
        this.service = service;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::add);
        routes.get(PATH + "/{number}", this::get);
        routes.patch(PATH + "/{number}", this::update);
        routes.delete(PATH + "/{number}", this::remove);
        routes.put(PATH + "/{number}/password", this::changePassword);
    }

    private void list(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(service.list().stream().map(this::document).toList()));
    }

    private void get(Context ctx) {
        AdminApi.respond(ctx, 200, json.write(document(done(service.get(ctx.pathParam("number"))))));
    }

    private void add(Context ctx) {
        NewExtension request = json.read(ctx.body(), NewExtension.class);
        ExtensionChange settings = ringTimeout(request.ringTimeoutSeconds()).map(ExtensionChange.NONE::withRingTimeout)
                .orElse(ExtensionChange.NONE);
        settings = withSettings(settings, request.language(), request.mohClass(), request.recording());
        Saved saved = done(service.add(request.number(), request.name(), Optional.ofNullable(request.password()), settings));
        ctx.header("Location", PATH + "/" + saved.extension().number());
        AdminApi.respond(ctx, 201, json.write(document(saved)));
    }

    private void update(Context ctx) {
        ExtensionPatch patch = json.read(ctx.body(), ExtensionPatch.class);
        ExtensionChange change = ExtensionChange.NONE;
        if (patch.name() != null) {
            if (!patch.name().isString()) {
                throw Problem.invalidRequest("name must be a string; leave it out to keep the current name").raise();
            }
            change = change.withName(patch.name().asString());
        }
        if (patch.ringTimeoutSeconds() != null) {
            Optional<Duration> timeout = ringTimeout(patch.ringTimeoutSeconds());
            change = timeout.isPresent() ? change.withRingTimeout(timeout.get()) : change.withDefaultRingTimeout();
        }
        if (patch.srtp() != null) {
            SrtpPolicy policy = patch.srtp().isNull() ? SrtpPolicy.DEFAULT
                    : patch.srtp().isString() ? SrtpPolicy.parse(patch.srtp().asString()).orElse(null) : null;
            if (policy == null) throw Problem.invalidRequest(SrtpPolicy.RULE + ", as a string").raise();
            change = change.withSrtp(policy);
        }
        change = withSettings(change, patch.language(), patch.mohClass(), patch.recording());
        Extension updated = done(service.update(ctx.pathParam("number"), change));
        AdminApi.respond(ctx, 200, json.write(document(updated)));
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

    /**
     * {@code change} with the language, music class and recording policy of a body: a missing
     * field changes nothing, null is the default. Strings go to the service, which checks the rules.
     */
    private static ExtensionChange withSettings(ExtensionChange change, JsonNode language, JsonNode mohClass,
                                                JsonNode recording) {
        ExtensionChange c = change;
        if (language != null) {
            if (language.isNull()) c = c.withDefaultLanguage();
            else if (language.isString()) c = c.withLanguage(language.asString());
            else throw Problem.invalidRequest(LANGUAGE_TYPE).raise();
        }
        if (mohClass != null) {
            if (mohClass.isNull()) c = c.withDefaultMohClass();
            else if (mohClass.isString()) c = c.withMohClass(mohClass.asString());
            else throw Problem.invalidRequest(MOH_CLASS_TYPE).raise();
        }
        if (recording != null) {
            RecordingPolicy policy = recording.isNull() ? RecordingPolicy.DEFAULT
                    : recording.isString() ? RecordingPolicy.parse(recording.asString()).orElse(null) : null;
            if (policy == null) throw Problem.invalidRequest(RecordingPolicy.RULE + ", as a string").raise();
            c = c.withRecording(policy);
        }
        return c;
    }

    /** Missing or null: the server default. A whole number goes to the service, which checks the bounds. */
    private static Optional<Duration> ringTimeout(JsonNode seconds) {
        if (seconds == null || seconds.isNull()) return Optional.empty();
        if (!seconds.isIntegralNumber()) throw Problem.invalidRequest(RING_TIMEOUT_TYPE).raise();
        if (!seconds.canConvertToInt()) throw Problem.invalidRequest(RingTimeout.RULE + ", got " + seconds).raise();
        return Optional.of(Duration.ofSeconds(seconds.intValue()));
    }

    private ExtensionDocument document(Extension extension) {
        return ExtensionDocument.of(extension, service.defaultRingTimeout());
    }

    private SavedExtension document(Saved saved) {
        return SavedExtension.of(document(saved.extension()), saved.generatedPassword().map(SipSecret::reveal).orElse(null));
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
