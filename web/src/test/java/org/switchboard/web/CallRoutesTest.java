package org.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.PortPair;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.call.MemoryCallRecordRepository;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/calls} and {@code /api/v1/cdr} over real HTTPS, with live calls and records in memory. */
class CallRoutesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AdminToken TOKEN = AdminToken.generate(new SecureRandom());

    private static volatile List<CallSnapshot> live = List.of();
    private static volatile MemoryCallRecordRepository records = new MemoryCallRecordRepository();
    private static AdminApi api;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        api = AdminApi.start(new AdminApi.Settings("127.0.0.1", 0, tls.server(), TOKEN),
                new ExtensionService(new MemoryExtensionRepository(), new SecureRandom(), clock),
                List::of, () -> live, limit -> records.recent(limit), clock);
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
        live = List.of();
        records = new MemoryCallRecordRepository();
    }

    @Test
    void noCallsIsAnEmptyArray() throws Exception {
        assertThat(get("/api/v1/calls").body()).isEqualTo("[]");
        assertThat(get("/api/v1/cdr").body()).isEqualTo("[]");
    }

    @Test
    void liveCallsShowTheirLegsAndMediaPorts() throws Exception {
        live = List.of(new CallSnapshot("c1", "1001", "1002", "ANSWERED", NOW.minusSeconds(75), NOW.minusSeconds(70),
                List.of(new LegSnapshot("c1-a", "1001", "ANSWERED", "UDP", "192.0.2.7:5060", 20000),
                        new LegSnapshot("c1-b1", "1002", "ANSWERED", "TLS", "[2001:db8::9]:5061", 20002))));

        HttpResponse<String> response = get("/api/v1/calls");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                [{"id":"c1","caller":"1001","callee":"1002","state":"ANSWERED","startedAt":"2026-03-01T09:58:45Z",
                  "answeredAt":"2026-03-01T09:58:50Z","durationSeconds":75,
                  "legs":[{"id":"c1-a","party":"1001","state":"ANSWERED","transport":"UDP","remote":"192.0.2.7:5060","rtpPort":20000,
                           "media":null},
                          {"id":"c1-b1","party":"1002","state":"ANSWERED","transport":"TLS","remote":"[2001:db8::9]:5061","rtpPort":20002,
                           "media":null}]}]
                """));
    }

    @Test
    void aLegsMediaFiguresShowWithNullForWhatIsNotKnown() throws Exception {
        MediaStats counters = new MediaStats("c1-a", new PortPair(20000), 1500, 258_000, 1490, 256_280, 0, 0,
                Optional.<InetSocketAddress>empty(), Optional.empty(), true, Optional.empty(), true, 0, 0);
        LegQuality relayed = new LegQuality(LegQuality.Mode.RELAYED, counters, 75, 4.6875, OptionalDouble.of(1.375),
                OptionalDouble.of(12.3456), Optional.of(new LegQuality.PhoneReport(0.390625, 3, OptionalDouble.of(2.5),
                NOW.minusSeconds(2))));
        LegQuality bare = new LegQuality(LegQuality.Mode.TERMINATED, counters, 0, 0, OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty());
        live = List.of(new CallSnapshot("c1", "1001", "1002", "ANSWERED", NOW.minusSeconds(75), NOW.minusSeconds(70),
                List.of(new LegSnapshot("c1-a", "1001", "ANSWERED", "UDP", "192.0.2.7:5060", 20000).withMedia(relayed),
                        new LegSnapshot("c1-b1", "1002", "HELD", "UDP", "192.0.2.9:5060", 20002).withMedia(bare))));

        JsonNode legs = JSON.readTree(get("/api/v1/calls").body()).get(0).get("legs");

        assertThat(legs.get(0).get("media")).isEqualTo(JSON.readTree("""
                {"mode":"relayed","srtp":true,"packetsIn":1500,"bytesIn":258000,"packetsOut":1490,"bytesOut":256280,
                 "packetsLost":75,"lossPercent":4.69,"jitterMs":1.38,"roundTripMs":12.35,
                 "phoneReport":{"lossPercent":0.39,"packetsLost":3,"jitterMs":2.5,"receivedAt":"2026-03-01T09:59:58Z"}}
                """));
        assertThat(legs.get(1).get("media").get("mode").asString()).isEqualTo("terminated");
        assertThat(legs.get(1).get("media").get("jitterMs").isNull()).isTrue();
        assertThat(legs.get(1).get("media").get("roundTripMs").isNull()).isTrue();
        assertThat(legs.get(1).get("media").get("phoneReport").isNull()).isTrue();
    }

    @Test
    void aCallRecordHasLabelsAndComputedSeconds() throws Exception {
        Instant start = NOW.minusSeconds(3600);
        records.insert(CallRecord.started("c1", "1001", "Alice", "1002", start, List.of("c1-a"))
                .withLegs(List.of("c1-a", "c1-b1"))
                .completed(start.plusSeconds(30), Disposition.NO_ANSWER, HangupCause.NO_ANSWER, HangupSide.SYSTEM));
        records.insert(CallRecord.started("c2", "1002", "", "1001", start.plusSeconds(60), List.of("c2-a"))
                .answered(start.plusMillis(62_500))
                .completed(start.plusSeconds(122), Disposition.ANSWERED, HangupCause.NORMAL_CLEARING, HangupSide.CALLER));

        HttpResponse<String> response = get("/api/v1/cdr");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                [{"id":"c2","caller":"1002","callerName":"","callee":"1001","startedAt":"2026-03-01T09:01:00Z",
                  "answeredAt":"2026-03-01T09:01:02.500Z","endedAt":"2026-03-01T09:02:02Z","disposition":"ANSWERED",
                  "cause":"NORMAL_CLEARING","hangupSide":"CALLER","durationSeconds":62,"billableSeconds":60,"legIds":["c2-a"],
                  "recordingIds":[]},
                 {"id":"c1","caller":"1001","callerName":"Alice","callee":"1002","startedAt":"2026-03-01T09:00:00Z",
                  "answeredAt":null,"endedAt":"2026-03-01T09:00:30Z","disposition":"NO ANSWER","cause":"NO_ANSWER",
                  "hangupSide":"SYSTEM","durationSeconds":30,"billableSeconds":0,"legIds":["c1-a","c1-b1"],
                  "recordingIds":[]}]
                """));
    }

    @Test
    void anOpenRecordRunsToNow() throws Exception {
        records.insert(CallRecord.started("c1", "1001", "Alice", "1002", NOW.minusSeconds(90), List.of("c1-a"))
                .answered(NOW.minusSeconds(80)));

        JsonNode record = JSON.readTree(get("/api/v1/cdr").body()).get(0);

        assertThat(record.get("endedAt").isNull()).isTrue();
        assertThat(record.get("disposition").isNull()).isTrue();
        assertThat(record.get("durationSeconds").asLong()).isEqualTo(90);
        assertThat(record.get("billableSeconds").asLong()).isEqualTo(80);
    }

    @Test
    void theLimitIsAppliedNewestFirst() throws Exception {
        for (int i = 0; i < 60; i++) {
            records.insert(CallRecord.started("c" + i, "1001", "", "1002", NOW.minusSeconds(600 - i), List.of()));
        }
        JsonNode fifty = JSON.readTree(get("/api/v1/cdr").body());
        assertThat(fifty).hasSize(CallRoutes.DEFAULT_LIMIT);
        assertThat(fifty.get(0).get("id").asString()).isEqualTo("c59");

        JsonNode two = JSON.readTree(get("/api/v1/cdr?limit=2").body());
        assertThat(two).extracting(n -> n.get("id").asString()).containsExactly("c59", "c58");
        assertThat(JSON.readTree(get("/api/v1/cdr?limit=10000").body())).hasSize(60);
    }

    @Test
    void aBadLimitIsA400ThatSaysTheRange() throws Exception {
        for (String bad : List.of("0", "-1", "10001", "ten", "", "2.5", "99999999999999999999999")) {
            HttpResponse<String> response = get("/api/v1/cdr?limit=" + bad);
            assertThat(response.statusCode()).as("limit=%s", bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("detail").asString()).contains("from 1 to 10000");
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void theRoutesNeedTheToken() throws Exception {
        for (String path : List.of("/api/v1/calls", "/api/v1/cdr")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN.reveal()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
