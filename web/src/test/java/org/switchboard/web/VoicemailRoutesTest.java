package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.voicemail.TestWav;
import org.switchboard.pbx.voicemail.VoicemailAdmin;
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.delivery.MemoryDeliveryRepository;
import org.switchboard.pbx.voicemail.greeting.GreetingDraft;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.greeting.MemoryGreetingRepository;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.mailbox.MemoryMailboxRepository;
import org.switchboard.pbx.voicemail.mailbox.PinRule;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.MemoryMessageRepository;
import org.switchboard.pbx.voicemail.message.MessageDraft;
import org.switchboard.pbx.voicemail.message.MessageLimits;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/voicemail} over real HTTPS on loopback, with repositories in memory. */
class VoicemailRoutesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T13:05:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AdminToken TOKEN = AdminToken.generate(new SecureRandom());

    private static MemoryMailboxRepository mailboxes;
    private static MailboxService service;
    private static MemoryDeliveryRepository deliveries;
    private static MessageStore messages;
    private static GreetingStore greetings;
    private static Path root;
    private static AdminApi api;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        root = Files.createTempDirectory("voicemail-routes");
        mailboxes = new MemoryMailboxRepository();
        service = new MailboxService(mailboxes, Set.of("1001", "1002", "1003", "1004")::contains, new SecureRandom(), 1000,
                MailboxLanguage.EN);
        deliveries = new MemoryDeliveryRepository();
        messages = new MessageStore(root, new MemoryMessageRepository(), MessageLimits.DEFAULT, clock, new SplittableRandom(4));
        greetings = new GreetingStore(root, new MemoryGreetingRepository(), clock);
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN),
                new ExtensionService(new MemoryExtensionRepository()), List::of, LiveCalls.NONE, limit -> List.of(), clock,
                Optional.of(new VoicemailAdmin(service, greetings, messages, deliveries)));
        client = HttpClient.newBuilder().sslContext(tls.client()).build();
        base = "https://127.0.0.1:" + api.address().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        client.close();
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFreshMailboxShowsItsDefaultsAndNoPin() throws Exception {
        HttpResponse<String> get = send("GET", "/api/v1/voicemail/1001", null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get.body())).isEqualTo(JSON.readTree("""
                {"number":"1001","pinSet":false,"email":null,"emailMode":"attach","language":null,"effectiveLanguage":"en",
                 "messages":{"newMessages":0,"oldMessages":0,"savedMessages":0},
                 "greetings":{"activeCustom":null,"temporaryUntil":null,"schedule":null,"recorded":[]}}"""));
    }

    @Test
    void patchSetsPinEmailModeAndLanguageAndNeverShowsThePin() throws Exception {
        HttpResponse<String> patched = send("PATCH", "/api/v1/voicemail/1002", """
                {"pin":"0258","email":"dr@praxis.ch","emailMode":"attach-delete","language":"de"}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(patched.body());
        assertThat(body.get("pinSet").asBoolean()).isTrue();
        assertThat(body.get("email").asString()).isEqualTo("dr@praxis.ch");
        assertThat(body.get("emailMode").asString()).isEqualTo("attach-delete");
        assertThat(body.get("effectiveLanguage").asString()).isEqualTo("de");
        assertThat(patched.body()).doesNotContain("0258").doesNotContain("pbkdf2");
        assertThat(service.verifyPin("1002", "0258")).isTrue();

        JsonNode reset = JSON.readTree(send("PATCH", "/api/v1/voicemail/1002",
                "{\"pin\":null,\"email\":null,\"language\":null}").body());
        assertThat(reset.get("pinSet").asBoolean()).isFalse();
        assertThat(reset.get("email").isNull()).isTrue();
        assertThat(reset.get("emailMode").asString()).as("kept").isEqualTo("attach-delete");
        assertThat(reset.get("effectiveLanguage").asString()).isEqualTo("en");
    }

    @Test
    void patchSetsEachGreetingFieldKeepsTheOthersAndNullClears() throws Exception {
        record(new GreetingKind.Custom("holiday"), Duration.ofMillis(20_400));
        record(GreetingKind.UNAVAILABLE, Duration.ofSeconds(12));

        JsonNode chosen = greetingsAfter("{\"emailMode\":\"notify\",\"greetings\":{\"activeCustom\":\"holiday\"}}");
        assertThat(chosen.get("activeCustom").asString()).isEqualTo("holiday");
        JsonNode until = greetingsAfter("{\"greetings\":{\"temporaryUntil\":\"2026-12-24T09:00:00+01:00\"}}");
        assertThat(until.get("temporaryUntil").asString()).isEqualTo("2026-12-24T08:00:00Z");
        JsonNode scheduled = greetingsAfter("{\"greetings\":{\"schedule\":\"closed sat-sun;lunch mon-fri 12:00-13:30\"}}");
        assertThat(scheduled).isEqualTo(JSON.readTree("""
                {"activeCustom":"holiday","temporaryUntil":"2026-12-24T08:00:00Z",
                 "schedule":"closed sat,sun; lunch mon-fri 12:00-13:30",
                 "recorded":[{"kind":"unavailable","customName":null,"recordedAt":"2026-03-02T13:05:00Z","durationSeconds":12},
                             {"kind":"custom","customName":"holiday","recordedAt":"2026-03-02T13:05:00Z","durationSeconds":20}]}"""));
        JsonNode got = JSON.readTree(send("GET", "/api/v1/voicemail/1004", null).body());
        assertThat(got.get("greetings")).isEqualTo(scheduled);
        assertThat(got.get("emailMode").asString()).isEqualTo("notify");
        assertThat(service.mailbox("1004").greetings().schedule().greetingAt(LocalDateTime.parse("2026-03-07T10:00")))
                .as("Saturday").contains("closed");

        JsonNode cleared = greetingsAfter("{\"greetings\":{\"activeCustom\":null,\"temporaryUntil\":null}}");
        assertThat(cleared.get("activeCustom").isNull()).isTrue();
        assertThat(cleared.get("temporaryUntil").isNull()).isTrue();
        assertThat(cleared.get("schedule").asString()).as("kept").startsWith("closed");
        JsonNode reset = greetingsAfter("{\"greetings\":{\"activeCustom\":\"emergency\"}}");
        assertThat(reset.get("activeCustom").asString()).as("not recorded yet, still accepted").isEqualTo("emergency");
        JsonNode none = greetingsAfter("{\"greetings\":null}");
        assertThat(none.get("activeCustom").isNull()).isTrue();
        assertThat(none.get("schedule").isNull()).isTrue();
        assertThat(none.get("recorded")).as("recordings stay").hasSize(2);
    }

    @Test
    void badGreetingValuesAreProblemsNamingTheFieldAndChangeNothing() throws Exception {
        String path = "/api/v1/voicemail/1003";
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"activeCustom\":\"Holiday!\"}}"), 400))
                .isEqualTo("greetings.activeCustom: " + GreetingKind.Custom.RULE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"activeCustom\":5}}"), 400))
                .isEqualTo(VoicemailRoutes.ACTIVE_CUSTOM_TYPE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"temporaryUntil\":\"2026-12-24T08:00\"}}"), 400))
                .as("no offset: ambiguous").isEqualTo(VoicemailRoutes.TEMPORARY_UNTIL_TYPE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"temporaryUntil\":1798099200}}"), 400))
                .isEqualTo(VoicemailRoutes.TEMPORARY_UNTIL_TYPE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"schedule\":\"closed sat-sun; lunch weekdays\"}}"), 400))
                .startsWith("greetings.schedule: entry 2 ('lunch weekdays'): 'weekdays' is not a set of days");
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"schedule\":[\"closed sat-sun\"]}}"), 400))
                .isEqualTo(VoicemailRoutes.SCHEDULE_TYPE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":\"holiday\"}"), 400)).isEqualTo(VoicemailRoutes.GREETINGS_TYPE);
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"active\":\"holiday\"}}"), 400))
                .isEqualTo("unknown field 'greetings.active'; known fields: activeCustom, schedule, temporaryUntil");
        assertThat(detail(send("PATCH", path, "{\"greetings\":{\"recorded\":[]}}"), 400))
                .startsWith("greetings.recorded cannot be changed here");
        assertThat(detail(send("PATCH", path, "{\"pin\":\"2580\",\"greetings\":{\"schedule\":\"closed\"}}"), 400))
                .startsWith("greetings.schedule: entry 1 ('closed'): write NAME DAYS");
        assertThat(detail(send("PATCH", path, "{\"greetings\":{}}"), 400)).startsWith("nothing to change");
        assertThat(mailboxes.find("1003")).as("the valid PIN beside a bad schedule was not kept either").isEmpty();
    }

    @Test
    void badInputIsAProblemThatSaysWhatToFix() throws Exception {
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"pin\":\"12\"}"), 400)).isEqualTo(PinRule.RULE);
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"pin\":1234}"), 400)).isEqualTo(VoicemailRoutes.PIN_TYPE);
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"pin\":\"1111\"}"), 400)).contains("repeated digit");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"email\":\"dr@praxis\"}"), 400))
                .contains("name@example.com");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"emailMode\":\"fax\"}"), 400))
                .isEqualTo(EmailMode.RULE + ", as a string");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"language\":\"it\"}"), 400)).contains("en, fr or de");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{\"greeting\":\"x\"}"), 400)).contains("unknown field");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/1003", "{}"), 400)).startsWith("nothing to change");
        assertThat(detail(send("GET", "/api/v1/voicemail/4711", null), 404)).isEqualTo("there is no extension 4711, so no mailbox");
        assertThat(detail(send("PATCH", "/api/v1/voicemail/4711", "{\"pin\":\"2580\"}"), 404)).contains("4711");
        assertThat(detail(send("GET", "/api/v1/voicemail/01/messages", null), 400)).contains("not a valid extension number");
        assertThat(mailboxes.find("1003")).isEmpty();
    }

    @Test
    void messagesAreListedWithTheStateOfTheirMail() throws Exception {
        MessageDraft draft = ((MessageStore.Begun.Recording) messages.begin("1001", new Caller("+41445551234", "Alice")))
                .draft();
        draft.output().write(TestWav.ulaw(Duration.ofMillis(7400)));
        VoicemailMessage m = ((MessageDraft.Committed.Stored) draft.commit()).message();
        deliveries.insert(Delivery.pending(m.id(), "1001", "alice@example.com", EmailMode.ATTACH, NOW)
                .retryAt(NOW.plusSeconds(60), "cannot connect to mail.example.com:587: Connection refused"));

        HttpResponse<String> list = send("GET", "/api/v1/voicemail/1001/messages", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).isEqualTo(JSON.readTree("""
                [{"id":"%s","folder":"new","callerNumber":"+41445551234","callerName":"Alice",
                  "receivedAt":"2026-03-02T13:05:00Z","durationSeconds":7,
                  "email":{"state":"pending","address":"alice@example.com","mode":"attach","attempts":1,
                           "nextAttemptAt":"2026-03-02T13:06:00Z",
                           "lastError":"cannot connect to mail.example.com:587: Connection refused","sentAt":null}}]"""
                .formatted(m.id())));
        assertThat(JSON.readTree(send("GET", "/api/v1/voicemail/1001", null).body()).get("messages").get("newMessages")
                .asInt()).isEqualTo(1);
        assertThat(JSON.readTree(send("GET", "/api/v1/voicemail/1003/messages", null).body())).isEmpty();
    }

    private static void record(GreetingKind kind, Duration length) throws Exception {
        try (GreetingDraft draft = greetings.begin("1004", kind)) {
            draft.output().write(TestWav.ulaw(length));
            draft.commit();
        }
    }

    private static JsonNode greetingsAfter(String patch) throws Exception {
        HttpResponse<String> response = send("PATCH", "/api/v1/voicemail/1004", patch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("greetings");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN.reveal())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return JSON.readTree(response.body()).get("detail").asString();
    }
}
