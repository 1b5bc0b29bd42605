package org.switchboard.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.SwitchboardProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code switchboard calls} and {@code switchboard cdr} against the real server, and the promise of the call records: a
 * crash leaves the record of a call that was up, and the next start completes it as interrupted instead of losing it.
 */
class CallRecordsCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;
    private SwitchboardProcess server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFreshServerHasNoCallsAndNoRecords() {
        server = SwitchboardProcess.start(work.resolve("data"));

        ProcessResult calls = server.cli("calls", "--json");
        assertThat(calls.exitCode()).as(calls.describe()).isZero();
        assertThat(JSON.readTree(calls.stdout()).isArray()).as(calls.stdout()).isTrue();
        assertThat(JSON.readTree(calls.stdout())).isEmpty();

        ProcessResult cdr = server.cli("cdr", "--json");
        assertThat(cdr.exitCode()).as(cdr.describe()).isZero();
        assertThat(JSON.readTree(cdr.stdout()).isArray()).as(cdr.stdout()).isTrue();
        assertThat(JSON.readTree(cdr.stdout())).isEmpty();

        ProcessResult badLimit = server.cli("cdr", "--limit", "0");
        assertThat(badLimit.exitCode()).as(badLimit.describe()).isNotZero();
        assertThat(badLimit.stderr()).contains("--limit must be from 1 to 10000").doesNotContain("Exception");
    }

    @Test
    void aCallThatWasUpWhenTheServerDiedIsRecordedAsInterrupted() throws Exception {
        Path data = work.resolve("data");
        server = SwitchboardProcess.start(data);
        server.stop();
        assertThat(server.isAlive()).isFalse();

        // what a crash in the middle of an answered call leaves in the database: a record with no end
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("switchboard.db"));
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO call_record (id, caller, caller_name, callee, started_at, answered_at, leg_ids)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, "crash-1");
            insert.setString(2, "1001");
            insert.setString(3, "Alice");
            insert.setString(4, "1002");
            insert.setLong(5, started.toEpochMilli());
            insert.setLong(6, started.plusSeconds(3).toEpochMilli());
            insert.setString(7, "crash-1-a,crash-1-b1");
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }

        server = SwitchboardProcess.start(data);

        assertThat(server.output()).contains("Call records left open by the last run (a crash?): 1 completed as INTERRUPTED");
        ProcessResult cdr = server.cli("cdr", "--json");
        assertThat(cdr.exitCode()).as(cdr.describe()).isZero();
        JsonNode records = JSON.readTree(cdr.stdout());
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.get("id").asString()).isEqualTo("crash-1");
        assertThat(record.get("caller").asString()).isEqualTo("1001");
        assertThat(record.get("callee").asString()).isEqualTo("1002");
        assertThat(record.get("startedAt").asString()).isEqualTo(started.toString());
        assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
        assertThat(record.get("cause").asString()).isEqualTo("INTERRUPTED");
        assertThat(record.get("hangupSide").asString()).isEqualTo("SYSTEM");
        assertThat(Instant.parse(record.get("endedAt").asString())).isAfter(started);
        assertThat(record.get("billableSeconds").asLong()).isGreaterThanOrEqualTo(10 * 60 - 3);
        assertThat(record.get("legIds")).extracting(JsonNode::asString).containsExactly("crash-1-a", "crash-1-b1");

        ProcessResult table = server.cli("cdr");
        assertThat(table.exitCode()).as(table.describe()).isZero();
        assertThat(table.stdout()).contains("1001 (Alice)").contains("ANSWERED").contains("INTERRUPTED").contains("SYSTEM");
    }
}
