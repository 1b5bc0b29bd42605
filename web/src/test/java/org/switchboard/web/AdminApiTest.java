package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API over real HTTPS on an ephemeral loopback port, with in-memory fakes behind it. */
class AdminApiTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final AdminToken TOKEN = AdminToken.generate(new SecureRandom());
    private static MemoryExtensionRepository repository;
    private static List<Binding> bindings = List.of();
    private static AdminApi api;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create();
        repository = new MemoryExtensionRepository();
        ExtensionService service = new ExtensionService(repository, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN), service,
                () -> bindings, LiveCalls.NONE, limit -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC));
        client = HttpClient.newBuilder().sslContext(tls.client()).build();
        base = "https://127.0.0.1:" + api.address().getPort();
    }

    @AfterAll
    static void stop() {
        api.close();
        client.close();
    }

    @BeforeEach
    void empty() {
        repository.list().forEach(e -> repository.remove(e.number()));
        bindings = List.of();
    }

    @Test
    void listensOnTheEphemeralPortAsked() {
        assertThat(api.address().getPort()).isPositive();
        assertThat(api.address().getHostString()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyApiCallNeedsTheToken() throws Exception {
        HttpResponse<String> none = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/extensions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/registrations"))
                .header("Authorization", "Bearer " + TOKEN.reveal() + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(wrong, 401);

        HttpResponse<String> delete = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/extensions/1001"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(delete, 401);
    }

    @Test
    void addWithoutPasswordReturnsAGeneratedOneOnce() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"name\":\"Alice\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/extensions/1001");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("number").asString()).isEqualTo("1001");
        assertThat(body.get("name").asString()).isEqualTo("Alice");
        assertThat(body.get("createdAt").asString()).isEqualTo("2025-03-01T10:00:00Z");
        String password = body.get("generatedPassword").asString();
        assertThat(password).hasSize(ExtensionService.GENERATED_LENGTH);
        assertThat(repository.secret("1001")).contains(SipSecret.of(password));

        HttpResponse<String> list = send("GET", "/api/v1/extensions", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(list.body())).isEqualTo(JSON.readTree(
                "[{\"number\":\"1001\",\"name\":\"Alice\",\"createdAt\":\"2025-03-01T10:00:00Z\","
                + "\"ringTimeoutSeconds\":null,\"effectiveRingTimeoutSeconds\":30,\"srtp\":\"optional\","
                + "\"language\":null,\"mohClass\":null,\"recording\":\"never\"}]"));
        assertThat(list.body()).doesNotContain(password);
    }

    @Test
    void addWithPasswordReturnsNoPassword() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/extensions",
                "{\"number\":\"1002\",\"name\":\"Bob\",\"password\":\"correct-horse\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).has("generatedPassword")).isFalse();
        assertThat(response.body()).doesNotContain("correct-horse");
    }

    @Test
    void invalidNumberIsA400WithTheRule() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/extensions", "{\"number\":\"01\",\"name\":\"Zero\"}");
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).contains(ExtensionNumber.RULE);
    }

    @Test
    void weakPasswordIsA400() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/extensions",
                "{\"number\":\"1001\",\"name\":\"Alice\",\"password\":\"short\"}");
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).contains("at least " + SipSecret.MIN_LENGTH);
        assertThat(repository.list()).isEmpty();
    }

    @Test
    void duplicateIsA409() throws Exception {
        send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"name\":\"Alice\"}");
        HttpResponse<String> again = send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"name\":\"Other\"}");
        assertThat(assertProblem(again, 409).get("detail").asString()).contains("1001 already exists");
    }

    @Test
    void malformedBodiesAre400s() throws Exception {
        assertThat(assertProblem(send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"nmae\":\"A\"}"), 400)
                .get("detail").asString()).contains("unknown field 'nmae'").contains("name");
        assertProblem(send("POST", "/api/v1/extensions", "{not json"), 400);
        assertProblem(send("POST", "/api/v1/extensions", ""), 400);
        assertProblem(send("POST", "/api/v1/extensions", "[1,2]"), 400);
    }

    @Test
    void removeAnswers204ThenUnknownIs404() throws Exception {
        send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"name\":\"Alice\"}");

        assertThat(send("DELETE", "/api/v1/extensions/1001", null).statusCode()).isEqualTo(204);
        assertThat(repository.list()).isEmpty();
        assertThat(assertProblem(send("DELETE", "/api/v1/extensions/1001", null), 404)
                .get("detail").asString()).isEqualTo("there is no extension 1001");
        assertProblem(send("DELETE", "/api/v1/extensions/abc", null), 400);
    }

    @Test
    void passwordChange() throws Exception {
        send("POST", "/api/v1/extensions", "{\"number\":\"1001\",\"name\":\"Alice\",\"password\":\"first-password\"}");

        HttpResponse<String> generated = send("PUT", "/api/v1/extensions/1001/password", "");
        assertThat(generated.statusCode()).isEqualTo(200);
        String password = JSON.readTree(generated.body()).get("generatedPassword").asString();
        assertThat(repository.secret("1001")).contains(SipSecret.of(password));

        HttpResponse<String> chosen = send("PUT", "/api/v1/extensions/1001/password", "{\"password\":\"second-password\"}");
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(chosen.body()).has("generatedPassword")).isFalse();
        assertThat(repository.secret("1001")).contains(SipSecret.of("second-password"));

        assertProblem(send("PUT", "/api/v1/extensions/1001/password", "{\"password\":\"weak\"}"), 400);
        assertProblem(send("PUT", "/api/v1/extensions/4711/password", "{\"password\":\"long-enough\"}"), 404);
    }

    @Test
    void registrationsShowLiveBindings() throws Exception {
        Flow flow = new Flow(Transport.TCP, new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress("192.0.2.7", 40000));
        bindings = List.of(
                new Binding("1001", "sip:1001@192.0.2.7:40000;transport=tcp", NOW.plusSeconds(300), "call-1", 1, flow,
                        "baresip", NOW.minusSeconds(60)),
                new Binding("1002", "sip:1002@192.0.2.8", NOW.minusSeconds(1), "call-2", 1, flow, "", NOW.minusSeconds(99)));

        HttpResponse<String> response = send("GET", "/api/v1/registrations", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                [{"aor":"1001","contact":"sip:1001@192.0.2.7:40000;transport=tcp","expiresInSeconds":300,
                  "transport":"tcp","source":"192.0.2.7:40000","userAgent":"baresip","registeredAt":"2025-03-01T09:59:00Z"}]
                """));
    }

    @Test
    void unknownRoutesAreProblemsToo() throws Exception {
        assertProblem(send("GET", "/api/v1/nothing-here", null), 404);
        assertProblem(send("GET", "/", null), 404);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN.reveal())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
