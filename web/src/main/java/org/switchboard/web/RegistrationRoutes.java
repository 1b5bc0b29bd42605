package org.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import org.switchboard.pbx.registrar.Registrations;
import org.switchboard.web.ApiDocuments.RegistrationDocument;

/** {@code GET /api/v1/registrations}: the live bindings of the location service, read-only. */
final class RegistrationRoutes {
    static final String PATH = AdminApi.PREFIX + "/registrations";

    private final Registrations registrations;
    private final Clock clock;
    private final JsonCodec json;

    RegistrationRoutes(Registrations registrations, Clock clock, JsonCodec json) {
        this.registrations = registrations;
        this.clock = clock;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
    }

    private void list(Context ctx) {
        Instant now = clock.instant();
        AdminApi.respond(ctx, 200, json.write(registrations.all().stream()
                .filter(b -> !b.expired(now))
                .map(b -> RegistrationDocument.of(b, now)).toList()));
    }
}
