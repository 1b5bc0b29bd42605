package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.cli.CliRig.Run;
import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.CallRecordingStore;
import org.switchboard.pbx.recording.RecordingDraft;
import org.switchboard.pbx.recording.Trigger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code switchboard recordings list|export} against a real server in this JVM (loopback, index in memory). */
class RecordingsCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-03-02T13:05:00Z");

    @TempDir Path data;
    @TempDir Path exports;
    private final MemoryStorage storage = new MemoryStorage();
    private CliRig rig;
    private CallRecording first;
    private CallRecording second;

    @BeforeEach
    void start() throws Exception {
        rig = CliRig.start(data, storage);
        first = record(T, "call-1", "1001", "1002", Trigger.always("1001"), 62_000);
        second = record(T.plusSeconds(3600), "call-2", "1003", "1004", Trigger.onDemand("1004"), 1_000);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** What a call of the running server would have stored: the file in DATA/recordings, then the row. */
    private CallRecording record(Instant at, String call, String caller, String callee, Trigger trigger, int millis)
            throws IOException {
        CallRecordingStore store = new CallRecordingStore(data.resolve("recordings"), storage.recordings(),
                Clock.fixed(at, ZoneOffset.UTC), new SplittableRandom(at.toEpochMilli()));
        RecordingDraft draft = store.begin(call, caller, callee, trigger, 8000);
        short[] frame = new short[160];
        for (int ms = 0; ms < millis; ms += 20) draft.sink().write(frame, frame, 160);
        return store.commit(draft).orElseThrow();
    }

    @Test
    void listShowsTheRecordingsNewestFirstAndFilters() {
        Run json = rig.cli("recordings", "list", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode all = JSON.readTree(json.out());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("id").asString()).isEqualTo(second.id());
        assertThat(all.get(1).get("callId").asString()).isEqualTo("call-1");
        assertThat(all.get(1).get("trigger").asString()).isEqualTo("always");

        StringWriter text = new StringWriter();
        RecordingsCommand.print(all, new PrintWriter(text, true), ZoneOffset.UTC);
        assertThat(text.toString().lines()).containsExactly(
                "ID                            CALL    STARTED              DURATION  CALLER  CALLEE  SIZE",
                second.id() + "  call-2  2026-03-02 14:05:00  0:00:01   1003    1004    31.3 KiB",
                first.id() + "  call-1  2026-03-02 13:05:00  0:01:02   1001    1002    1.9 MiB");

        assertThat(ids(rig.cli("recordings", "list", "--call", "call-1", "--json"))).containsExactly(first.id());
        assertThat(ids(rig.cli("recordings", "list", "--extension", "1004", "--json"))).containsExactly(second.id());
        assertThat(ids(rig.cli("recordings", "list", "--since", "2026-03-02T14:00:00Z", "--json")))
                .containsExactly(second.id());
        assertThat(ids(rig.cli("recordings", "list", "--since", "2026-03-03", "--json"))).isEmpty();
        assertThat(rig.cli("recordings", "list", "--extension", "4711").out()).isEqualTo("No recordings.\n");
    }

    @Test
    void exportCopiesTheWavIntoADirectoryOrToAFileAndNeverOverwrites() throws IOException {
        Run toDir = rig.cli("recordings", "export", first.id(), "--to", exports.toString());
        assertThat(toDir.status()).as(toDir.err()).isZero();
        Path copy = exports.resolve(first.id() + ".wav");
        assertThat(toDir.out()).isEqualTo("Recording " + first.id() + " (0:01:02, 1.9 MiB) exported to " + copy + ".\n");
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(
                data.resolve("recordings/2026/03/02").resolve(first.id() + ".wav")));

        Path named = exports.resolve("meeting.wav");
        assertThat(rig.cli("recordings", "export", second.id(), "--to", named.toString()).status()).isZero();
        assertThat(named).hasSize(second.fileSize());

        Run again = rig.cli("recordings", "export", first.id(), "--to", exports.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).isEqualTo(copy + " exists already: choose another name, or delete it first.\n");
        try (var files = Files.list(exports)) {
            assertThat(files).as("no partial file left behind").hasSize(2);
        }
    }

    @Test
    void mistakesAreExplained() {
        Run unknown = rig.cli("recordings", "export", "20990101T000000000Z-0000abcd", "--to", exports.toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("There is no recording 20990101T000000000Z-0000abcd.\n");
        Run invalid = rig.cli("recordings", "export", "../../etc/passwd", "--to", exports.toString());
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("'../../etc/passwd' is not a recording id: a recording id looks like");
        Run nowhere = rig.cli("recordings", "export", first.id(), "--to", exports.resolve("no/such/dir/x.wav").toString());
        assertThat(nowhere.status()).isEqualTo(1);
        assertThat(nowhere.err()).contains("does not exist");
        Run since = rig.cli("recordings", "list", "--since", "last week");
        assertThat(since.status()).isEqualTo(2);
        assertThat(since.err()).startsWith("--since 'last week' is not a date");
        Run limit = rig.cli("recordings", "list", "--limit", "0");
        assertThat(limit.status()).isEqualTo(2);
        Run noTo = rig.cli("recordings", "export", first.id());
        assertThat(noTo.status()).isEqualTo(2);
        assertThat(noTo.err()).contains("--to");
    }

    @Test
    void withoutARunningServerTheCommandSaysHowToStartIt() {
        rig.close();
        Run list = rig.cli("recordings", "list");
        assertThat(list.status()).isEqualTo(1);
        assertThat(list.err()).startsWith("No Switchboard server is running with data directory");
    }

    private static List<String> ids(Run run) {
        assertThat(run.status()).as(run.err()).isZero();
        return JSON.readTree(run.out()).valueStream().map(n -> n.get("id").asString()).toList();
    }
}
