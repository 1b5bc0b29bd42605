package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.RecordingQuery;
import org.switchboard.pbx.recording.Trigger;

class SqlRecordingRepositoryTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir Path dataDir;
    private Database db;
    private SqlRecordingRepository recordings;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        recordings = new SqlRecordingRepository(db);
    }

    @AfterEach
    void close() { db.close(); }

    private static CallRecording recording(int second, String suffix, String callId, String caller, String callee,
                                           Trigger trigger) {
        Instant at = T.plusSeconds(second);
        return new CallRecording("20260302T0900" + String.format("%02d", second) + "000Z-" + suffix, callId, at,
                at.plusMillis(61_250), Duration.ofMillis(61_250), caller, callee, trigger, 980_044);
    }

    @Test
    void aRecordingRoundTripsWithEveryField() {
        CallRecording r = recording(5, "0000000a", "call-1", "1001", "1002", Trigger.onDemand("1002"));
        assertThat(recordings.insert(r)).isTrue();
        assertThat(recordings.insert(r)).as("an id is indexed once").isFalse();
        assertThat(recordings.find(r.id())).contains(r);
        CallRecording recovered = new CallRecording("20260302T090006000Z-0000000b", "", T, T, Duration.ZERO, "", "",
                Trigger.UNKNOWN, 44);
        recordings.insert(recovered);
        assertThat(recordings.find(recovered.id())).contains(recovered);
        assertThat(recordings.all()).as("oldest first").containsExactly(recovered, r);
        assertThat(recordings.delete(r.id())).isTrue();
        assertThat(recordings.delete(r.id())).isFalse();
        assertThat(recordings.find(r.id())).isEmpty();
    }

    @Test
    void listsFilterByCallExtensionAndTimeNewestFirst() {
        CallRecording a = recording(1, "0000000a", "call-1", "1001", "1002", Trigger.always("1001"));
        CallRecording b = recording(2, "0000000b", "call-1", "1001", "1002", Trigger.onDemand("1002"));
        CallRecording c = recording(3, "0000000c", "call-2", "1003", "1004", Trigger.always("1004"));
        CallRecording d = recording(4, "0000000d", "call-3", "1005", "1006", Trigger.onDemand("1007"));
        for (CallRecording r : List.of(a, b, c, d)) recordings.insert(r);

        assertThat(recordings.list(RecordingQuery.LATEST)).containsExactly(d, c, b, a);
        assertThat(recordings.list(RecordingQuery.LATEST.withCallId("call-1"))).containsExactly(b, a);
        assertThat(recordings.list(RecordingQuery.LATEST.withExtension("1004"))).containsExactly(c);
        assertThat(recordings.list(RecordingQuery.LATEST.withExtension("1007"))).as("who started it").containsExactly(d);
        assertThat(recordings.list(RecordingQuery.LATEST.withSince(T.plusSeconds(3)))).containsExactly(d, c);
        assertThat(recordings.list(RecordingQuery.LATEST.withLimit(1))).containsExactly(d);
        assertThat(recordings.list(RecordingQuery.LATEST.withCallId("call-1").withExtension("1003"))).isEmpty();
        assertThat(recordings.startedBefore(T.plusSeconds(3), 10)).containsExactly(a, b);
        assertThat(recordings.startedBefore(T.plusSeconds(3), 1)).containsExactly(a);
    }

    @Test
    void theRecordingsOfManyCallsAreFoundByCall() {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 700; i++) calls.add("call-" + i);
        recordings.insert(recording(1, "0000000a", "call-1", "1001", "1002", Trigger.always("1001")));
        recordings.insert(recording(2, "0000000b", "call-1", "1001", "1002", Trigger.onDemand("1002")));
        recordings.insert(recording(3, "0000000c", "call-650", "1003", "1004", Trigger.always("1004")));
        assertThat(recordings.idsByCall(calls)).isEqualTo(Map.of(
                "call-1", List.of("20260302T090001000Z-0000000a", "20260302T090002000Z-0000000b"),
                "call-650", List.of("20260302T090003000Z-0000000c")));
        assertThat(recordings.idsByCall(List.of("call-9"))).isEmpty();
    }

    @Test
    void aRowOfANewerVersionIsSkipped() {
        CallRecording r = recording(1, "0000000a", "call-1", "1001", "1002", Trigger.always("1001"));
        recordings.insert(r);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recording SET trigger_kind = 'by-schedule'")) {
                return ps.executeUpdate();
            }
        });
        assertThat(recordings.find(r.id())).isEmpty();
        assertThat(recordings.all()).isEmpty();
    }
}
