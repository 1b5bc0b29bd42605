package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The text table of {@code switchboard calls}, from the API's JSON. */
class CallsCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String print(String json, ZoneId zone) {
        StringWriter text = new StringWriter();
        CallsCommand.print(JSON.readTree(json), new PrintWriter(text, true), zone);
        return text.toString();
    }

    @Test
    void noCallsSaysSo() {
        assertThat(print("[]", ZoneOffset.UTC)).isEqualTo("No calls are up.\n");
    }

    @Test
    void oneLinePerLegWithTheCallOnItsFirstLine() {
        String out = print("""
                [{"id":"c1","caller":"1001","callee":"1002","state":"RINGING","startedAt":"2026-03-01T09:58:45Z",
                  "answeredAt":null,"durationSeconds":5,
                  "legs":[{"id":"c1-a","party":"1001","state":"EARLY","transport":"UDP","remote":"192.0.2.7:5060","rtpPort":20000},
                          {"id":"c1-b1","party":"1002","state":"RINGING","transport":"TLS","remote":"192.0.2.9:5061","rtpPort":0}]},
                 {"id":"c2","caller":"1003","callee":"1004","state":"ENDING","startedAt":"2026-03-01T09:59:00Z",
                  "answeredAt":null,"durationSeconds":1,"legs":[]}]
                """, ZoneId.of("Europe/Paris"));

        assertThat(out.lines()).containsExactly(
                "CALL  CALLER  CALLEE  STATE    SINCE                LEG    PARTY  LEG-STATE  TRANSPORT  REMOTE          RTP    MEDIA",
                "c1    1001    1002    RINGING  2026-03-01 10:58:45  c1-a   1001   EARLY      UDP        192.0.2.7:5060  20000  -",
                "                                                    c1-b1  1002   RINGING    TLS        192.0.2.9:5061  -      -",
                "c2    1003    1004    ENDING   2026-03-01 10:59:00  -      -      -          -          -               -      -");
    }

    @Test
    void theMediaColumnShowsLossJitterAndRoundTripWhenKnown() {
        String out = print("""
                [{"id":"c1","caller":"1001","callee":"1002","state":"ANSWERED","startedAt":"2026-03-01T09:58:45Z",
                  "answeredAt":"2026-03-01T09:58:50Z","durationSeconds":75,
                  "legs":[{"id":"c1-a","party":"1001","state":"ANSWERED","transport":"UDP","remote":"192.0.2.7:5060",
                           "rtpPort":20000,"media":{"mode":"relayed","srtp":false,"packetsIn":3000,"bytesIn":516000,
                           "packetsOut":2990,"bytesOut":514280,"packetsLost":150,"lossPercent":4.69,"jitterMs":2.63,
                           "roundTripMs":41.5,"phoneReport":null}},
                          {"id":"c1-b1","party":"1002","state":"ANSWERED","transport":"UDP","remote":"192.0.2.9:5060",
                           "rtpPort":20002,"media":{"mode":"relayed","srtp":false,"packetsIn":2990,"bytesIn":514280,
                           "packetsOut":2850,"bytesOut":490200,"packetsLost":0,"lossPercent":0.0,"jitterMs":null,
                           "roundTripMs":null,"phoneReport":null}}]}]
                """, ZoneOffset.UTC);

        assertThat(out.lines().skip(1).map(l -> l.substring(l.lastIndexOf("  ") + 2)))
                .containsExactly("loss 4.7% jit 3ms rtt 42ms", "loss 0.0%");
    }
}
