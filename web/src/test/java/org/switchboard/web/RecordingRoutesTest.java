package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.call.MemoryCallRecordRepository;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.CallRecordingStore;
import org.switchboard.pbx.recording.MemoryRecordingRepository;
import org.switchboard.pbx.recording.RecordingAdmin;
import org.switchboard.pbx.recording.RecordingDraft;
import org.switchboard.pbx.recording.Trigger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/recordings} and the recording ids of {@code /api/v1/cdr}, over real HTTPS on loopback. */
class RecordingRoutesTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AdminToken TOKEN = AdminToken.generate(new SecureRandom());

    private static Path root;
    private static MemoryRecordingRepository index;
    private static CallRecording first;
    private static CallRecording second;
    private static AdminApi api;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create();
        root = Files.createTempDirectory("recording-routes");
        index = new MemoryRecordingRepository();
        first = record(NOON, "c1", "1001", "1002", Trigger.always("1001"), 1500);
        second = record(NOON.plusSeconds(3600), "c2", "1003", "1001", Trigger.onDemand("1003"), 500);
        MemoryCallRecordRepository records = new MemoryCallRecordRepository();
        records.insert(CallRecord.started("c1", "1001", "Alice", "1002", NOON.minusSeconds(5), List.of("c1-a"))
                .answered(NOON.minusSeconds(1))
                .completed(NOON.plusSeconds(2), Disposition.ANSWERED, HangupCause.NORMAL_CLEARING, HangupSide.CALLER));
        Clock clock = Clock.fixed(NOON.plusSeconds(7200), ZoneOffset.UTC);
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN),
                new ExtensionService(new MemoryExtensionRepository()), List::of, LiveCalls.NONE, records::recent, clock,
                Optional.empty(), Optional.of(new RecordingAdmin(store(clock))));
        client = HttpClient.newBuilder().sslContext(tls.client()).build();
        base = "https://127.0.0.1:" + api.address().getPort();
    }

    private static CallRecordingStore store(Clock clock) {
        return new CallRecordingStore(root, index, clock, new SplittableRandom(9));
    }

    private static CallRecording record(Instant at, String call, String caller, String callee, Trigger trigger, int millis)
            throws IOException {
        CallRecordingStore store = store(Clock.fixed(at, ZoneOffset.UTC));
        RecordingDraft draft = store.begin(call, caller, callee, trigger, 8000);
        short[] frame = new short[160];
        for (int ms = 0; ms < millis; ms += 20) draft.sink().write(frame, frame, 160);
        return store.commit(draft).orElseThrow();
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
    void listsNewestFirstWithFilters() throws Exception {
        HttpResponse<String> all = send("GET", "/api/v1/recordings");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(all.body())).isEqualTo(JSON.readTree("""
                [{"id":"%s","callId":"c2","startedAt":"2026-03-01T13:00:00Z","endedAt":"2026-03-01T13:00:00.500Z",
                  "durationSeconds":1,"caller":"1003","callee":"1001","trigger":"on-demand","startedBy":"1003",
                  "sizeBytes":%d},
                 {"id":"%s","callId":"c1","startedAt":"2026-03-01T12:00:00Z","endedAt":"2026-03-01T12:00:01.500Z",
                  "durationSeconds":2,"caller":"1001","callee":"1002","trigger":"always","startedBy":"1001",
                  "sizeBytes":%d}]""".formatted(second.id(), 44 + 500 * 32, first.id(), 44 + 1500 * 32)));
        assertThat(ids("/api/v1/recordings?call=c1")).containsExactly(first.id());
        assertThat(ids("/api/v1/recordings?extension=1002")).containsExactly(first.id());
        assertThat(ids("/api/v1/recordings?extension=1001")).containsExactly(second.id(), first.id());
        assertThat(ids("/api/v1/recordings?since=2026-03-01T12:30:00Z")).containsExactly(second.id());
        assertThat(ids("/api/v1/recordings?since=2026-03-02")).isEmpty();
        assertThat(ids("/api/v1/recordings?limit=1")).containsExactly(second.id());
    }

    @Test
    void oneRecordingAndItsAudio() throws Exception {
        JsonNode one = JSON.readTree(send("GET", "/api/v1/recordings/" + first.id()).body());
        assertThat(one.get("callId").asString()).isEqualTo("c1");
        HttpResponse<byte[]> audio = client.send(request("GET", "/api/v1/recordings/" + first.id() + "/audio").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(audio.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + first.id() + ".wav\"");
        assertThat(audio.body()).isEqualTo(Files.readAllBytes(store(Clock.systemUTC()).file(first)));
    }

    @Test
    void theCallRecordNamesItsRecordings() throws Exception {
        JsonNode cdr = JSON.readTree(send("GET", "/api/v1/cdr").body());
        assertThat(cdr.get(0).get("recordingIds").get(0).asString()).isEqualTo(first.id());
    }

    @Test
    void badInputIsAProblemThatSaysWhatToFix() throws Exception {
        assertThat(detail(send("GET", "/api/v1/recordings/nonsense"), 400)).contains("is not a recording id");
        assertThat(detail(send("GET", "/api/v1/recordings/20990101T000000000Z-00000000"), 404))
                .isEqualTo("there is no recording 20990101T000000000Z-00000000");
        assertThat(detail(send("GET", "/api/v1/recordings/20990101T000000000Z-00000000/audio"), 404))
                .startsWith("there is no recording");
        assertThat(detail(send("DELETE", "/api/v1/recordings/..%2F..%2Fetc"), 400)).contains("is not a recording id");
        assertThat(detail(send("GET", "/api/v1/recordings?since=yesterday"), 400)).startsWith(RecordingRoutes.SINCE_RULE);
        assertThat(detail(send("GET", "/api/v1/recordings?limit=0"), 400)).contains("limit must be");
        assertThat(detail(send("GET", "/api/v1/recordings?extension="), 400)).contains("extension must be");
    }

    @Test
    void deletingRemovesFileAndRow() throws Exception {
        CallRecording doomed = record(NOON.minusSeconds(86_400), "c9", "1009", "1008", Trigger.always("1009"), 100);
        Path file = store(Clock.systemUTC()).file(doomed);
        assertThat(file).isRegularFile();
        assertThat(send("DELETE", "/api/v1/recordings/" + doomed.id()).statusCode()).isEqualTo(204);
        assertThat(file).doesNotExist();
        assertThat(index.find(doomed.id())).isEmpty();
        assertThat(send("DELETE", "/api/v1/recordings/" + doomed.id()).statusCode()).isEqualTo(404);
    }

    private List<String> ids(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().map(n -> n.get("id").asString()).toList();
    }

    private static String detail(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        return JSON.readTree(response.body()).get("detail").asString();
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN.reveal())
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(request(method, path).build(), HttpResponse.BodyHandlers.ofString());
    }
}
