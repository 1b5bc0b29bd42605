package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.ExtensionLanguage;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.extension.MohClass;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings of an extension over {@code /api/v1/extensions} (real HTTPS, loopback,
 * in-memory repository): ring timeout, SRTP, language, music class and recording shown when
 * listed, set when added, changed and reset by {@code PATCH}.
 * The server default here is 45 s, so the default is told apart from the built-in 30 s.
 */
class ExtensionRoutesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AdminToken TOKEN = AdminToken.generate(new SecureRandom());

    private static MemoryExtensionRepository repository;
    private static final List<String> changed = new ArrayList<>();
    private static AdminApi api;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        repository = new MemoryExtensionRepository();
        ExtensionService service = new ExtensionService(repository, new SecureRandom(), clock, Duration.ofSeconds(45));
        service.addListener(number -> {
            synchronized (changed) { changed.add(number); }
        });
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN), service,
                List::of, LiveCalls.NONE, limit -> List.of(), clock);
        client = HttpClient.newBuilder().sslContext(tls.client()).build();
        base = "https://127.0.0.1:" + api.address().getPort();
    }

    @AfterAll
    static void stop() {
        api.close();
        client.close();
    }

    @BeforeEach
    void hallAndDoctor() throws Exception {
        repository.list().forEach(e -> repository.remove(e.number()));
        assertThat(send("POST", "/api/v1/extensions", """
                {"number":"1001","name":"Hall","password":"hall-password"}""").statusCode()).isEqualTo(201);
        HttpResponse<String> doctor = send("POST", "/api/v1/extensions", """
                {"number":"1002","name":"Doctor","password":"doctor-password","ringTimeoutSeconds":40}""");
        assertThat(doctor.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(doctor.body())).isEqualTo(JSON.readTree("""
                {"number":"1002","name":"Doctor","createdAt":"2026-03-01T10:00:00Z",
                 "ringTimeoutSeconds":40,"effectiveRingTimeoutSeconds":40,"srtp":"optional",
                 "language":null,"mohClass":null,"recording":"never"}"""));
        synchronized (changed) { changed.clear(); }
    }

    @Test
    void listAndGetShowTheOwnRingTimeoutOrNullForTheDefault() throws Exception {
        HttpResponse<String> list = send("GET", "/api/v1/extensions", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).isEqualTo(JSON.readTree("""
                [{"number":"1001","name":"Hall","createdAt":"2026-03-01T10:00:00Z",
                  "ringTimeoutSeconds":null,"effectiveRingTimeoutSeconds":45,"srtp":"optional",
                 "language":null,"mohClass":null,"recording":"never"},
                 {"number":"1002","name":"Doctor","createdAt":"2026-03-01T10:00:00Z",
                  "ringTimeoutSeconds":40,"effectiveRingTimeoutSeconds":40,"srtp":"optional",
                 "language":null,"mohClass":null,"recording":"never"}]"""));

        HttpResponse<String> one = send("GET", "/api/v1/extensions/1002", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).get("ringTimeoutSeconds").asInt()).isEqualTo(40);
        assertThat(one.body()).doesNotContain("doctor-password");
        assertThat(assertProblem(send("GET", "/api/v1/extensions/4711", null), 404).get("detail").asString())
                .isEqualTo("there is no extension 4711");
        assertProblem(send("GET", "/api/v1/extensions/abc", null), 400);
    }

    @Test
    void patchSetsTheRingTimeoutAndNullResetsIt() throws Exception {
        HttpResponse<String> shorter = send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":15}");

        assertThat(shorter.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shorter.body())).isEqualTo(JSON.readTree("""
                {"number":"1001","name":"Hall","createdAt":"2026-03-01T10:00:00Z",
                 "ringTimeoutSeconds":15,"effectiveRingTimeoutSeconds":15,"srtp":"optional",
                 "language":null,"mohClass":null,"recording":"never"}"""));
        assertThat(repository.find("1001").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(15));

        HttpResponse<String> reset = send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":null}");
        assertThat(reset.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(reset.body());
        assertThat(body.get("ringTimeoutSeconds").isNull()).isTrue();
        assertThat(body.get("effectiveRingTimeoutSeconds").asInt()).isEqualTo(45);
        assertThat(repository.find("1001").orElseThrow().ringTimeout()).isEmpty();
        synchronized (changed) { assertThat(changed).containsExactly("1001", "1001"); }
    }

    @Test
    void patchSetsTheSrtpPolicyAndRefusesOtherWords() throws Exception {
        HttpResponse<String> secure = send("PATCH", "/api/v1/extensions/1002", "{\"srtp\":\"required\"}");
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(secure.body()).get("srtp").asString()).isEqualTo("required");
        assertThat(repository.find("1002").orElseThrow().srtp()).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(repository.find("1002").orElseThrow().ringTimeout()).as("the rest stays").contains(Duration.ofSeconds(40));
        assertThat(JSON.readTree(send("GET", "/api/v1/extensions/1002", null).body()).get("srtp").asString())
                .isEqualTo("required");
        for (String bad : new String[] {"\"mandatory\"", "true", "1"}) {
            assertThat(detail(send("PATCH", "/api/v1/extensions/1002", "{\"srtp\":" + bad + "}"), 400))
                    .isEqualTo(SrtpPolicy.RULE + ", as a string");
        }
        assertThat(repository.find("1002").orElseThrow().srtp()).isEqualTo(SrtpPolicy.REQUIRED);
        HttpResponse<String> reset = send("PATCH", "/api/v1/extensions/1002", "{\"srtp\":null}");
        assertThat(JSON.readTree(reset.body()).get("srtp").asString()).as("null: the default").isEqualTo("optional");
    }

    @Test
    void patchSetsLanguageMusicClassAndRecordingAndNullResetsThem() throws Exception {
        HttpResponse<String> set = send("PATCH", "/api/v1/extensions/1002",
                "{\"language\":\"fr_ch\",\"mohClass\":\"jazz\",\"recording\":\"on-demand\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body())).isEqualTo(JSON.readTree("""
                {"number":"1002","name":"Doctor","createdAt":"2026-03-01T10:00:00Z",
                 "ringTimeoutSeconds":40,"effectiveRingTimeoutSeconds":40,"srtp":"optional",
                 "language":"fr-CH","mohClass":"jazz","recording":"on-demand"}"""));
        assertThat(repository.find("1002").orElseThrow()).satisfies(e -> {
            assertThat(e.language()).contains("fr-CH");
            assertThat(e.mohClass()).contains("jazz");
            assertThat(e.recording()).isEqualTo(RecordingPolicy.ON_DEMAND);
        });
        assertThat(JSON.readTree(send("GET", "/api/v1/extensions/1002", null).body()).get("language").asString())
                .isEqualTo("fr-CH");

        HttpResponse<String> reset = send("PATCH", "/api/v1/extensions/1002",
                "{\"language\":null,\"mohClass\":null,\"recording\":null}");
        assertThat(reset.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(reset.body());
        assertThat(body.get("language").isNull()).isTrue();
        assertThat(body.get("mohClass").isNull()).isTrue();
        assertThat(body.get("recording").asString()).isEqualTo("never");
        assertThat(repository.find("1002").orElseThrow().ringTimeout()).as("the rest stays").contains(Duration.ofSeconds(40));
        synchronized (changed) { assertThat(changed).containsExactly("1002", "1002"); }
    }

    @Test
    void anExtensionIsAddedWithItsLanguageMusicClassAndRecording() throws Exception {
        HttpResponse<String> lab = send("POST", "/api/v1/extensions", """
                {"number":"1003","name":"Lab","language":"de","mohClass":"piano","recording":"always"}""");
        assertThat(lab.statusCode()).as(lab.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(lab.body());
        assertThat(body.get("language").asString()).isEqualTo("de");
        assertThat(body.get("mohClass").asString()).isEqualTo("piano");
        assertThat(body.get("recording").asString()).isEqualTo("always");
        assertThat(body.get("generatedPassword").asString()).hasSize(ExtensionService.GENERATED_LENGTH);
        assertThat(repository.find("1003").orElseThrow().recording()).isEqualTo(RecordingPolicy.ALWAYS);

        assertThat(detail(send("POST", "/api/v1/extensions", """
                {"number":"1004","name":"Bad","language":"es"}"""), 400))
                .isEqualTo(ExtensionLanguage.RULE + ", got 'es'");
        assertThat(detail(send("POST", "/api/v1/extensions", """
                {"number":"1004","name":"Bad","recording":"sometimes"}"""), 400))
                .isEqualTo("recording must be never, always or on-demand, as a string");
        assertThat(repository.find("1004")).isEmpty();
    }

    @Test
    void badLanguagesMusicClassesAndRecordingPoliciesAreProblemsNamingTheRule() throws Exception {
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"language\":\"klingon\"}"), 400))
                .isEqualTo("language must be one of en, fr, de, optionally with a region (fr-CH), got 'klingon'");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"mohClass\":\"../../etc\"}"), 400))
                .isEqualTo(MohClass.RULE + ", got '../../etc'");
        for (String wrongType : List.of("1", "true", "[\"fr\"]", "{}")) {
            assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"language\":" + wrongType + "}"), 400))
                    .isEqualTo(ExtensionRoutes.LANGUAGE_TYPE);
            assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"mohClass\":" + wrongType + "}"), 400))
                    .isEqualTo(ExtensionRoutes.MOH_CLASS_TYPE);
        }
        for (String bad : List.of("\"sometimes\"", "\"on demand\"", "true", "2")) {
            assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"recording\":" + bad + "}"), 400))
                    .isEqualTo(RecordingPolicy.RULE + ", as a string");
        }
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"name\":\"Lobby\",\"language\":\"es\"}"), 400))
                .startsWith("language must be");
        assertThat(repository.find("1001").orElseThrow()).satisfies(e -> {
            assertThat(e.name()).as("nothing of a refused change is kept").isEqualTo("Hall");
            assertThat(e.language()).isEmpty();
            assertThat(e.mohClass()).isEmpty();
            assertThat(e.recording()).isEqualTo(RecordingPolicy.NEVER);
        });
        synchronized (changed) { assertThat(changed).isEmpty(); }
    }

    @Test
    void patchChangesTheNameAloneAndKeepsTheRestAndTheSecret() throws Exception {
        HttpResponse<String> renamed = send("PATCH", "/api/v1/extensions/1002", "{\"name\":\"Dr. Martin\"}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).get("name").asString()).isEqualTo("Dr. Martin");
        assertThat(repository.find("1002").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(40));
        assertThat(repository.secret("1002")).contains(SipSecret.of("doctor-password"));

        HttpResponse<String> both = send("PATCH", "/api/v1/extensions/1002", "{\"name\":\"Desk\",\"ringTimeoutSeconds\":20}");
        assertThat(repository.find("1002").orElseThrow()).satisfies(e -> {
            assertThat(e.name()).isEqualTo("Desk");
            assertThat(e.ringTimeout()).contains(Duration.ofSeconds(20));
        });
        assertThat(both.statusCode()).isEqualTo(200);
    }

    @Test
    void badValuesAreProblemsAndChangeNothing() throws Exception {
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":4}"), 400))
                .isEqualTo("ring timeout must be 5 to 600 seconds, got 4");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":601}"), 400))
                .isEqualTo("ring timeout must be 5 to 600 seconds, got 601");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":99999999999}"), 400))
                .isEqualTo("ring timeout must be 5 to 600 seconds, got 99999999999");
        for (String wrongType : List.of("\"20\"", "20.5", "true", "[20]", "{}")) {
            assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":" + wrongType + "}"), 400))
                    .isEqualTo(ExtensionRoutes.RING_TIMEOUT_TYPE);
        }
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"name\":null}"), 400)).contains("name must be a string");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"name\":\" \"}"), 400)).isEqualTo(ExtensionService.NAME_RULE);
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeout\":20}"), 400))
                .contains("unknown field 'ringTimeout'").contains("ringTimeoutSeconds");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{\"password\":\"new-password\"}"), 400))
                .contains("unknown field 'password'");
        assertThat(detail(send("PATCH", "/api/v1/extensions/1001", "{}"), 400)).isEqualTo(ExtensionService.NOTHING_TO_CHANGE);
        assertProblem(send("PATCH", "/api/v1/extensions/1001", ""), 400);
        assertProblem(send("PATCH", "/api/v1/extensions/1001", "{not json"), 400);
        assertThat(detail(send("POST", "/api/v1/extensions", """
                {"number":"1003","name":"Lab","ringTimeoutSeconds":3}"""), 400))
                .isEqualTo("ring timeout must be 5 to 600 seconds, got 3");
        assertThat(detail(send("POST", "/api/v1/extensions", """
                {"number":"1003","name":"Lab","ringTimeoutSeconds":"30"}"""), 400)).isEqualTo(ExtensionRoutes.RING_TIMEOUT_TYPE);

        assertThat(repository.find("1001").orElseThrow().ringTimeout()).isEmpty();
        assertThat(repository.find("1001").orElseThrow().name()).isEqualTo("Hall");
        assertThat(repository.find("1003")).isEmpty();
        synchronized (changed) { assertThat(changed).isEmpty(); }
    }

    @Test
    void patchOfAnUnknownOrInvalidNumber() throws Exception {
        assertThat(detail(send("PATCH", "/api/v1/extensions/4711", "{\"ringTimeoutSeconds\":20}"), 404))
                .isEqualTo("there is no extension 4711");
        assertThat(detail(send("PATCH", "/api/v1/extensions/01", "{\"ringTimeoutSeconds\":20}"), 400))
                .contains("not a valid extension number");
        assertThat(repository.find("4711")).isEmpty();
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws Exception {
        assertThat(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":5}").statusCode()).isEqualTo(200);
        assertThat(repository.find("1001").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(5));
        assertThat(send("PATCH", "/api/v1/extensions/1001", "{\"ringTimeoutSeconds\":600}").statusCode()).isEqualTo(200);
        assertThat(repository.find("1001").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(600));
        assertThat(repository.find("1001").map(e -> e.ringTimeoutOr(Duration.ZERO))).isEqualTo(Optional.of(Duration.ofMinutes(10)));
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN.reveal())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response, int status) {
        return assertProblem(response, status).get("detail").asString();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
