package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The text table of {@code switchboard cdr}, from the API's JSON. */
class CdrCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String print(String json) {
        StringWriter text = new StringWriter();
        CdrCommand.print(JSON.readTree(json), new PrintWriter(text, true), ZoneOffset.UTC);
        return text.toString();
    }

    @Test
    void noRecordsSaysSo() {
        assertThat(print("[]")).isEqualTo("No call records yet.\n");
    }

    @Test
    void oneLinePerCallWithLabelsAndDurations() {
        String out = print("""
                [{"id":"c3","caller":"1002","callerName":"","callee":"1001","startedAt":"2026-03-01T09:05:00Z",
                  "answeredAt":"2026-03-01T09:05:02Z","endedAt":null,"disposition":null,"cause":null,"hangupSide":null,
                  "durationSeconds":3725,"billableSeconds":3723,"legIds":["c3-a","c3-b1"]},
                 {"id":"c2","caller":"1002","callerName":"Bob","callee":"1001","startedAt":"2026-03-01T09:01:00Z",
                  "answeredAt":"2026-03-01T09:01:02.500Z","endedAt":"2026-03-01T09:02:02Z","disposition":"ANSWERED",
                  "cause":"NORMAL_CLEARING","hangupSide":"CALLER","durationSeconds":62,"billableSeconds":60,"legIds":["c2-a"]},
                 {"id":"c1","caller":"1001","callerName":"Alice","callee":"1002","startedAt":"2026-03-01T09:00:00Z",
                  "answeredAt":null,"endedAt":"2026-03-01T09:00:30Z","disposition":"NO ANSWER","cause":"NO_ANSWER",
                  "hangupSide":"SYSTEM","durationSeconds":30,"billableSeconds":0,"legIds":["c1-a","c1-b1"]}]
                """);

        assertThat(out.lines()).containsExactly(
                "START                CALLER        CALLEE  DISPOSITION    DURATION  BILLABLE  CAUSE            SIDE",
                "2026-03-01 09:05:00  1002          1001    (in progress)  1:02:05   1:02:03   -                -",
                "2026-03-01 09:01:00  1002 (Bob)    1001    ANSWERED       0:01:02   0:01:00   NORMAL_CLEARING  CALLER",
                "2026-03-01 09:00:00  1001 (Alice)  1002    NO ANSWER      0:00:30   0:00:00   NO_ANSWER        SYSTEM");
    }

    @Test
    void durationsReadAsHoursMinutesSeconds() {
        assertThat(Cells.duration(0)).isEqualTo("0:00:00");
        assertThat(Cells.duration(59)).isEqualTo("0:00:59");
        assertThat(Cells.duration(36_000 + 61)).isEqualTo("10:01:01");
        assertThat(Cells.duration(-5)).isEqualTo("0:00:00");
    }
}
