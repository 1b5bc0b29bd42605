package org.switchboard.pbx.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.record.StereoWavSink;

class CallRecordingStoreTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir Path data;

    private final MemoryRecordingRepository index = new MemoryRecordingRepository();

    private CallRecordingStore store(Instant now) {
        return new CallRecordingStore(data.resolve("recordings"), index, Clock.fixed(now, ZoneOffset.UTC),
                new SplittableRandom(7));
    }

    /** Two seconds of stereo audio at 8 kHz, written as the recorder would. */
    private static void speak(StereoWavSink sink, int millis) {
        short[] frame = new short[160];
        java.util.Arrays.fill(frame, (short) 1000);
        for (int ms = 0; ms < millis; ms += 20) assertThat(sink.write(frame, frame, 160)).isTrue();
    }

    @Test
    void aCommittedRecordingIsAFileInItsDayThenARow() throws IOException {
        CallRecordingStore store = store(NOON);
        RecordingDraft draft = store.begin("call-1", "1001", "1002", Trigger.always("1001"), 8000);
        speak(draft.sink(), 2000);
        Path day = data.resolve("recordings/2026/03/01");
        assertThat(index.all()).as("nothing indexed before the commit").isEmpty();
        assertThat(Files.list(day).toList()).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .startsWith(".").endsWith(".partial"));

        CallRecording r = store.commit(draft).orElseThrow();

        assertThat(r.id()).startsWith("20260301T120000000Z-");
        assertThat(store.file(r)).isEqualTo(day.resolve(r.id() + ".wav")).isRegularFile();
        assertThat(Files.list(day).toList()).hasSize(1);
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.endedAt()).isEqualTo(NOON.plusSeconds(2));
        assertThat(r.fileSize()).isEqualTo(44 + 2000 * 8 * 4);
        assertThat(r.callId()).isEqualTo("call-1");
        assertThat(r.trigger()).isEqualTo(Trigger.always("1001"));
        assertThat(index.find(r.id())).contains(r);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("recordings/2026"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(day))).isEqualTo("rwx------");
        assertThat(store.idsByCall(List.of("call-1", "call-2"))).isEqualTo(Map.of("call-1", List.of(r.id())));
    }

    @Test
    void aRecordingWithoutAudioLeavesNothing() throws IOException {
        CallRecordingStore store = store(NOON);
        RecordingDraft draft = store.begin("call-1", "1001", "1002", Trigger.onDemand("1002"), 8000);
        assertThat(store.commit(draft)).isEmpty();
        assertThat(Files.list(data.resolve("recordings/2026/03/01")).toList()).isEmpty();
        assertThat(index.all()).isEmpty();
    }

    @Test
    void aFailedSinkIsNotStored() throws IOException {
        CallRecordingStore store = store(NOON);
        RecordingDraft draft = store.begin("call-1", "1001", "1002", Trigger.always("1001"), 8000);
        speak(draft.sink(), 200);
        draft.sink().abort();                        // the file went away under the writer
        short[] frame = new short[160];
        assertThat(draft.sink().write(frame, frame, 160)).isFalse();
        assertThat(draft.sink().failure()).isPresent();
        assertThatThrownBy(() -> store.commit(draft)).isInstanceOf(IOException.class);
        assertThat(index.all()).isEmpty();
        assertThat(store.file(new CallRecording(draft.id(), "", NOON, NOON, Duration.ZERO, "", "", Trigger.UNKNOWN, 0)))
                .doesNotExist();
    }

    @Test
    void deletingRemovesTheFileThenTheRow() throws IOException {
        CallRecordingStore store = store(NOON);
        RecordingDraft draft = store.begin("call-1", "1001", "1002", Trigger.always("1001"), 8000);
        speak(draft.sink(), 100);
        CallRecording r = store.commit(draft).orElseThrow();
        assertThat(store.delete(r.id())).isTrue();
        assertThat(store.file(r)).doesNotExist();
        assertThat(index.find(r.id())).isEmpty();
        assertThat(store.delete(r.id())).isFalse();
        assertThat(store.delete("../../etc/passwd")).isFalse();
        assertThat(store.find("nonsense")).isEmpty();
    }

    /**
     * The server was killed: one recording was still being written (its temporary file is left),
     * one was renamed but never indexed, one was indexed and then lost its file.
     */
    @Test
    void recoveryAfterAKillRepairsFilesAndIndex() throws IOException {
        CallRecordingStore store = store(NOON);
        RecordingDraft unfinished = store.begin("call-1", "1001", "1002", Trigger.always("1001"), 8000);
        speak(unfinished.sink(), 500);                     // never committed: the process died here
        Path leftover = unfinished.sink().temporaryFile();

        RecordingDraft unindexed = store.begin("call-2", "1001", "1003", Trigger.always("1001"), 8000);
        speak(unindexed.sink(), 1500);
        unindexed.sink().commit();                         // renamed, then killed before the row

        RecordingDraft lost = store.begin("call-3", "1004", "1001", Trigger.onDemand("1004"), 8000);
        speak(lost.sink(), 300);
        CallRecording gone = store.commit(lost).orElseThrow();
        Files.delete(store.file(gone));

        CallRecordingStore restarted = store(NOON.plusSeconds(60));
        RecordingRecovery report = restarted.recover();

        assertThat(report).isEqualTo(new RecordingRecovery(1, 1, 1));
        assertThat(leftover).doesNotExist();
        assertThat(index.find(gone.id())).isEmpty();
        CallRecording found = index.find(unindexed.id()).orElseThrow();
        assertThat(found.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(found.trigger()).isEqualTo(Trigger.UNKNOWN);
        assertThat(found.startedAt()).isEqualTo(NOON);
        assertThat(restarted.file(found)).isRegularFile();
        assertThat(restarted.recover().clean()).isTrue();
    }

    @Test
    void recoveryOfAnEmptyDataDirectoryFindsNothing() throws IOException {
        assertThat(store(NOON).recover().clean()).isTrue();
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAnIoError() throws IOException {
        Files.writeString(data.resolve("recordings"), "not a directory");
        assertThatThrownBy(() -> store(NOON).begin("c", "1001", "1002", Trigger.always("1001"), 8000))
                .isInstanceOf(IOException.class);
    }
}
