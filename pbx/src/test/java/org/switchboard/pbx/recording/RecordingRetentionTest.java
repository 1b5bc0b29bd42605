package org.switchboard.pbx.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRetentionTest {

    private static final Instant TODAY = Instant.parse("2026-06-30T08:00:00Z");

    @TempDir Path data;

    private final MemoryRecordingRepository index = new MemoryRecordingRepository();

    private CallRecording recordAt(Instant at) throws IOException {
        CallRecordingStore store = new CallRecordingStore(data, index, Clock.fixed(at, ZoneOffset.UTC),
                new SplittableRandom(at.toEpochMilli()));
        RecordingDraft draft = store.begin("call-" + at.toEpochMilli(), "1001", "1002", Trigger.always("1001"), 8000);
        short[] frame = new short[160];
        draft.sink().write(frame, frame, 160);
        return store.commit(draft).orElseThrow();
    }

    private CallRecordingStore storeToday() {
        return new CallRecordingStore(data, index, Clock.fixed(TODAY, ZoneOffset.UTC), new SplittableRandom(1));
    }

    @Test
    void recordingsPastTheirDaysAreDeletedFileAndRowTheOthersStay() throws IOException {
        CallRecording old = recordAt(TODAY.minus(Duration.ofDays(91)));
        CallRecording edge = recordAt(TODAY.minus(Duration.ofDays(90)).plusSeconds(1));
        CallRecording recent = recordAt(TODAY.minus(Duration.ofDays(3)));
        CallRecordingStore store = storeToday();

        int deleted = new RecordingRetention(store, new RecordingSettings(90, true), Clock.fixed(TODAY, ZoneOffset.UTC))
                .purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(store.file(old)).doesNotExist();
        assertThat(index.find(old.id())).isEmpty();
        assertThat(store.file(edge)).isRegularFile();
        assertThat(store.file(recent)).isRegularFile();
        assertThat(index.all()).extracting(CallRecording::id).containsExactlyInAnyOrder(edge.id(), recent.id());
    }

    @Test
    void zeroDaysKeepsEverything() throws IOException {
        CallRecording ancient = recordAt(TODAY.minus(Duration.ofDays(4000)));
        RecordingRetention retention = new RecordingRetention(storeToday(), new RecordingSettings(0, true),
                Clock.fixed(TODAY, ZoneOffset.UTC));
        assertThat(retention.cutoff()).isEmpty();
        assertThat(retention.purge()).isZero();
        retention.start();       // schedules nothing
        retention.close();
        assertThat(index.find(ancient.id())).isPresent();
    }

    @Test
    void aBatchLargerThanOneRoundIsDeletedWhole() throws IOException {
        CallRecordingStore store = storeToday();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1200; i++) {
            Instant at = TODAY.minus(Duration.ofDays(200)).plusSeconds(i);
            CallRecording r = new CallRecording(RecordingId.next(at, random), "call-" + i, at, at, Duration.ZERO, "1001",
                    "1002", Trigger.always("1001"), 44);
            index.insert(r);
            Files.createDirectories(store.file(r).getParent());
            Files.createFile(store.file(r));
        }
        assertThat(new RecordingRetention(store, RecordingSettings.DEFAULT, Clock.fixed(TODAY, ZoneOffset.UTC))
                .purge()).isEqualTo(1200);
        assertThat(index.all()).isEmpty();
        try (var left = Files.walk(data)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
