package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;

class SqlCallRecordRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00.250Z");

    @TempDir Path dataDir;
    private Database db;
    private SqlCallRecordRepository records;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        records = new SqlCallRecordRepository(db);
    }

    @AfterEach
    void close() { db.close(); }

    private static CallRecord started(String id, int second) {
        return CallRecord.started(id, "1001", "Alice Example", "1002", T0.plusSeconds(second), List.of(id + "-a"));
    }

    private static CallRecord answeredAndEnded(CallRecord r) {
        return r.withLegs(List.of(r.id() + "-a", r.id() + "-b1", r.id() + "-b2")).answered(r.startedAt().plusMillis(4_500))
                .completed(r.startedAt().plusSeconds(65), Disposition.ANSWERED, HangupCause.NORMAL_CLEARING,
                        HangupSide.CALLER);
    }

    @Test
    void anOpenRecordReadsBackEqual() {
        CallRecord open = started("c1", 0);
        records.insert(open);
        assertThat(records.recent(10)).containsExactly(open);
    }

    @Test
    void anUpdateCompletesTheRecord() {
        CallRecord open = started("c1", 0);
        records.insert(open);
        CallRecord done = answeredAndEnded(open);
        records.update(done);

        assertThat(records.recent(10)).containsExactly(done);
        CallRecord read = records.recent(1).getFirst();
        assertThat(read.durationSeconds(Instant.MAX)).isEqualTo(65);
        assertThat(read.billableSeconds(Instant.MAX)).isEqualTo(61);
    }

    @Test
    void everyDispositionCauseAndSideSurvivesStorage() {
        int i = 0;
        for (Disposition d : Disposition.values()) {
            for (HangupCause cause : HangupCause.values()) {
                CallRecord r = started("c" + i, i).completed(T0.plusSeconds(i + 1), d, cause, HangupSide.values()[i % 3]);
                records.insert(r);
                i++;
            }
        }
        List<CallRecord> all = records.recent(1_000);
        assertThat(all).hasSize(i);
        assertThat(all).extracting(CallRecord::disposition).containsOnly(Disposition.values());
        assertThat(all).extracting(CallRecord::cause).contains(HangupCause.values());
    }

    @Test
    void anUpdateOfAMissingRecordInsertsIt() {
        CallRecord done = answeredAndEnded(started("lost-start", 0));
        records.update(done);
        assertThat(records.recent(10)).containsExactly(done);
    }

    @Test
    void aSecondInsertOfAnIdIsRefusedAndChangesNothing() {
        CallRecord first = started("c1", 0);
        records.insert(first);
        CallRecord other = CallRecord.started("c1", "1009", "Mallory", "1002", T0.plusSeconds(9), List.of());
        assertThatThrownBy(() -> records.insert(other)).isInstanceOf(StoreException.class)
                .hasMessageContaining("database write failed");
        assertThat(records.recent(10)).containsExactly(first);
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        for (int i = 0; i < 5; i++) records.insert(started("c" + i, i * 60));
        assertThat(records.recent(3)).extracting(CallRecord::id).containsExactly("c4", "c3", "c2");
        assertThat(records.recent(100)).hasSize(5);
        assertThatThrownBy(() -> records.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        CallRecord fine = CallRecord.started("c1", "1001", "", "1002", T0.plusNanos(123_456_789), List.of());
        records.insert(fine);
        assertThat(records.recent(1).getFirst().startedAt()).isEqualTo(T0.plusMillis(123));
    }

    @Test
    void legIdsWithSeparatorsRoundTrip() {
        List<String> odd = List.of("a,b-a", "100%,-b1", "%2C-b2", "plain-b3");
        CallRecord r = CallRecord.started("odd", "1001", "", "1002", T0, odd);
        records.insert(r);
        assertThat(records.recent(1).getFirst().legIds()).isEqualTo(odd);
        assertThat(SqlCallRecordRepository.LegIds.split("")).isEmpty();
    }

    @Test
    void interruptOpenCompletesOnlyOpenRecordsHonestly() {
        CallRecord ringing = started("ringing", 0);
        CallRecord talking = started("talking", 1).answered(T0.plusSeconds(5));
        CallRecord finished = answeredAndEnded(started("finished", 2));
        records.insert(ringing);
        records.insert(talking);
        records.insert(finished);
        Instant restart = T0.plusSeconds(600);

        assertThat(records.interruptOpen(restart)).isEqualTo(2);

        List<CallRecord> all = records.recent(10);
        assertThat(all).filteredOn(r -> r.id().equals("ringing")).singleElement().isEqualTo(
                ringing.completed(restart, Disposition.FAILED, HangupCause.INTERRUPTED, HangupSide.SYSTEM));
        assertThat(all).filteredOn(r -> r.id().equals("talking")).singleElement().isEqualTo(
                talking.completed(restart, Disposition.ANSWERED, HangupCause.INTERRUPTED, HangupSide.SYSTEM));
        assertThat(all).filteredOn(r -> r.id().equals("finished")).singleElement().isEqualTo(finished);
        assertThat(records.interruptOpen(restart.plusSeconds(1))).isZero();
    }

    @Test
    void recordsSurviveReopeningTheDatabase() {
        CallRecord done = answeredAndEnded(started("c1", 0));
        records.insert(done);
        db.close();
        db = Database.open(dataDir);
        records = new SqlCallRecordRepository(db);
        assertThat(records.recent(10)).containsExactly(done);
    }

    @Test
    void aRowWithAnUnknownValueIsSkippedNotFatal() {
        records.insert(started("good", 0));
        records.insert(started("future", 1));
        db.write(c -> c.createStatement().executeUpdate(
                "UPDATE call_record SET ended_at = 1, disposition = 'TELEPATHY' WHERE id = 'future'"));
        assertThat(records.recent(10)).extracting(CallRecord::id).containsExactly("good");
    }

    @Test
    void theMigrationIndexesStartTimeAndOpenRecords() {
        List<String> indexes = db.read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_record' ORDER BY name")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                return names;
            }
        });
        assertThat(indexes).contains("call_record_open", "call_record_started_at");
    }
}
