package org.switchboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.CallHistory;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.Registrations;
import org.switchboard.pbx.recording.RecordingAdmin;
import org.switchboard.pbx.voicemail.VoicemailAdmin;

/**
 * The HTTPS admin API, the seed of the REST API: Javalin on a TLS-only connector, every
 * {@code /api} call guarded by the bearer token (RFC 6750), every error an RFC 9457 problem
 * document, never a stack trace.
 *
 * <pre>
 * GET    /api/v1/extensions                  200 [{number,name,createdAt,ringTimeoutSeconds,effectiveRingTimeoutSeconds,srtp,
 *                                                language,mohClass,recording}]
 * POST   /api/v1/extensions                  201 {number,name,createdAt,ringTimeoutSeconds,...[,generatedPassword]}  400 409
 * GET    /api/v1/extensions/{number}         200 {number,name,createdAt,ringTimeoutSeconds,...}  400 404
 * PATCH  /api/v1/extensions/{number}         200 {number,name,...} for {name?,ringTimeoutSeconds?|null,srtp?,language?|null,
 *                                                mohClass?|null,recording?}  400 404
 * DELETE /api/v1/extensions/{number}         204  400 404
 * PUT    /api/v1/extensions/{number}/password 200 {number,name,createdAt,...[,generatedPassword]} 400 404
 * GET    /api/v1/registrations               200 [{aor,contact,expiresInSeconds,transport,source,userAgent,registeredAt}]
 * GET    /api/v1/calls                       200 [{id,caller,callee,state,startedAt,answeredAt,durationSeconds,legs:[...]}]
 * GET    /api/v1/voicemail/{number}          200 {number,pinSet,email,emailMode,language,effectiveLanguage,messages,greeting}  400 404
 * PATCH  /api/v1/voicemail/{number}          200 {...} for {pin?|null,email?|null,emailMode?,language?|null}  400 404
 * GET    /api/v1/voicemail/{number}/messages 200 [{id,folder,callerNumber,callerName,receivedAt,durationSeconds,email}]  400 404
 * GET    /api/v1/cdr?limit=N                 200 [{id,caller,...,disposition,cause,hangupSide,durationSeconds,billableSeconds,legIds,
 *                                                recordingIds}] 400
 * GET    /api/v1/recordings?call=&extension=&since=&limit=  200 [{id,callId,startedAt,endedAt,durationSeconds,caller,callee,
 *                                                trigger,startedBy,sizeBytes}]  400
 * GET    /api/v1/recordings/{id}             200 {id,callId,...}  400 404
 * GET    /api/v1/recordings/{id}/audio       200 audio/wav (stereo: caller left, callee right)  400 404
 * DELETE /api/v1/recordings/{id}             204  400 404
 * </pre>
 */
public final class AdminApi implements AutoCloseable {
    static final String PREFIX = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("switchboard.security");
    private static final JsonCodec JSON = new JsonCodec();

    /** Where to listen and with what: {@code host} is an IP literal, port 0 picks a free port. */
    public record Settings(String host, int port, SSLContext sslContext, AdminToken token) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(sslContext, "sslContext");
            Objects.requireNonNull(token, "token");
        }
    }

    private final Javalin javalin;
    private final String host;

    private AdminApi(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    /**
     * Starts listening, without the voicemail routes.
     *
     * @throws IOException when the address cannot be bound (in use, not local, privileged port)
     */
    public static AdminApi start(Settings settings, ExtensionService extensions, Registrations registrations,
                                 LiveCalls calls, CallHistory history, Clock clock) throws IOException {
        return start(settings, extensions, registrations, calls, history, clock, Optional.empty());
    }

    /**
     * Starts listening; {@code voicemail} adds {@code /api/v1/voicemail}.
     *
     * @throws IOException when the address cannot be bound (in use, not local, privileged port)
     */
    public static AdminApi start(Settings settings, ExtensionService extensions, Registrations registrations,
                                 LiveCalls calls, CallHistory history, Clock clock,
                                 Optional<VoicemailAdmin> voicemail) throws IOException {
        return start(settings, extensions, registrations, calls, history, clock, voicemail, Optional.empty());
    }

    /**
     * Starts listening; {@code voicemail} adds {@code /api/v1/voicemail}, {@code recordings} adds
     * {@code /api/v1/recordings} and the recording ids of each call record.
     *
     * @throws IOException when the address cannot be bound (in use, not local, privileged port)
     */
    public static AdminApi start(Settings settings, ExtensionService extensions, Registrations registrations,
                                 LiveCalls calls, CallHistory history, Clock clock,
                                 Optional<VoicemailAdmin> voicemail, Optional<RecordingAdmin> recordings)
            throws IOException {
        Optional<VoicemailRoutes> voicemailRoutes = voicemail.map(v -> new VoicemailRoutes(v, JSON));
        Optional<RecordingRoutes> recordingRoutes = recordings.map(r -> new RecordingRoutes(r, JSON));
        ExtensionRoutes extensionRoutes = new ExtensionRoutes(extensions, JSON);
        RegistrationRoutes registrationRoutes = new RegistrationRoutes(registrations, clock, JSON);
        CallRoutes callRoutes = new CallRoutes(calls, history, clock, JSON,
                recordings.<CallRoutes.RecordingIds>map(r -> r::idsByCall).orElse(CallRoutes.RecordingIds.NONE));
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.addConnector((server, http) ->
                    HttpsConnector.create(server, http, settings.host(), settings.port(), settings.sslContext()));
            config.routes.before(ctx -> authenticate(ctx, settings.token()));
            extensionRoutes.register(config.routes);
            registrationRoutes.register(config.routes);
            callRoutes.register(config.routes);
            voicemailRoutes.ifPresent(v -> v.register(config.routes));
            recordingRoutes.ifPresent(r -> r.register(config.routes));
            config.routes.exception(Problem.Raised.class, (e, ctx) -> problem(ctx, e.problem()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
                    Problem.ofStatus(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Admin API request {} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.internal());
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            javalin.stop();
            throw new IOException("cannot listen for HTTPS on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
        return new AdminApi(javalin, settings.host());
    }

    /** The bound address; the port is the real one when 0 was asked for. */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, javalin.port());
    }

    @Override
    public void close() {
        javalin.stop();
    }

    static void respond(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json);
    }

    private static void authenticate(Context ctx, AdminToken token) {
        if (!ctx.path().startsWith("/api/")) return;
        ctx.header("Cache-Control", "no-store");
        String authorization = ctx.header("Authorization");
        String scheme = "bearer ";
        if (authorization == null || authorization.length() <= scheme.length()
                || !authorization.substring(0, scheme.length()).toLowerCase(Locale.ROOT).equals(scheme)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\"");
            throw Problem.unauthorized("send the admin token as 'Authorization: Bearer TOKEN'; the server writes"
                    + " it to DATA/admin/token").raise();
        }
        if (!token.matches(authorization.substring(scheme.length()).strip())) {
            SECURITY.info("Admin API: wrong token from {} for {} {}", ctx.ip(), ctx.method(), ctx.path());
            ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"invalid_token\"");
            throw Problem.unauthorized("the admin token is wrong: read it again from DATA/admin/token"
                    + " (the server writes a new one at each start)").raise();
        }
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(JSON.write(problem));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
