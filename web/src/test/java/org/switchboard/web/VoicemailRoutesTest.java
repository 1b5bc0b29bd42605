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
        service = new MailboxService(mailboxes, Set.of("1001", "1002", "1003")::contains, new SecureRandom(), 1000,
                MailboxLanguage.EN);
        deliveries = new MemoryDeliveryRepository();
        messages = new MessageStore(root, new MemoryMessageRepository(), MessageLimits.DEFAULT, clock, new SplittableRandom(4));
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN),
                new ExtensionService(new MemoryExtensionRepository()), List::of, LiveCalls.NONE, limit -> List.of(), clock,
                Optional.of(new VoicemailAdmin(service, messages, deliveries)));
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
                 "greeting":{"activeCustom":null,"temporaryUntil":null,"schedule":""}}"""));
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
