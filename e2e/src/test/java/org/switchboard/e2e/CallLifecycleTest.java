package org.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipAudio;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.ListeningSockets;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live call as the administrator sees it, and what becomes of it when the server stops: with SIGTERM both phones
 * get BYE and the record is completed (SYSTEM_SHUTDOWN); killed outright, the record is still there at the next
 * start, completed as INTERRUPTED. Two baresip phones, one server per test.
 */
class CallLifecycleTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Credentials ALICE = new Credentials("5001", "Alice-Pass-5001");
    private static final Credentials BOB = new Credentials("5002", "Bob-Pass-5002");

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
    void aLiveCallIsListedAndSigtermEndsItWithByeToBothPhonesAndCompletesItsRecord() {
        Path data = work.resolve("data");
        SwitchboardProcess.Ports ports = SwitchboardProcess.Ports.free();
        server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);
        server.cli().addExtension(ALICE, "Alice");
        server.cli().addExtension(BOB, "Bob");
        try (Baresip alice = phone("alice", ALICE);
             Baresip bob = phone("bob", BOB)) {
            connect(alice, bob);

            JsonNode call = liveCall();
            assertThat(call.get("caller").asString()).isEqualTo(ALICE.user());
            assertThat(call.get("callee").asString()).isEqualTo(BOB.user());
            assertThat(call.get("legs")).hasSize(2);
            int callerPort = call.get("legs").get(0).get("rtpPort").asInt();
            int calleePort = call.get("legs").get(1).get("rtpPort").asInt();
            assertThat(ListeningSockets.udpPortsOf(server.pid(), 10_000, 20_000))
                    .containsExactlyInAnyOrder(callerPort, callerPort + 1, calleePort, calleePort + 1);

            server.stop();
            alice.awaitEvent("CALL_CLOSED", WITHIN);
            bob.awaitEvent("CALL_CLOSED", WITHIN);

            server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);
            JsonNode record = lastRecord();
            assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
            assertThat(record.get("cause").asString()).isEqualTo("SYSTEM_SHUTDOWN");
            assertThat(record.get("hangupSide").asString()).isEqualTo("SYSTEM");
            assertThat(record.get("billableSeconds").asLong()).isPositive();
        }
    }

    @Test
    void aServerKilledDuringACallLeavesARecordCompletedAsInterruptedAtTheNextStart() {
        Path data = work.resolve("data");
        SwitchboardProcess.Ports ports = SwitchboardProcess.Ports.free();
        server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);
        server.cli().addExtension(ALICE, "Alice");
        server.cli().addExtension(BOB, "Bob");
        try (Baresip alice = phone("alice", ALICE);
             Baresip bob = phone("bob", BOB)) {
            connect(alice, bob);
            String id = liveCall().get("id").asString();
            // the record of the call is in the database while it is up (written behind, so wait for it)
            await("the record of the live call").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> lastRecord().get("id").asString().equals(id));

            ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
            await("killed").atMost(WITHIN).until(() -> !server.isAlive());
            alice.hangup();

            server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);
            JsonNode record = lastRecord();
            assertThat(record.get("id").asString()).isEqualTo(id);
            assertThat(record.get("cause").asString()).isEqualTo("INTERRUPTED");
            assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
        }
    }

    private Baresip phone(String name, Credentials user) {
        BaresipAccount account = new BaresipAccount(user, SwitchboardProcess.DOMAIN, Transport.UDP, "127.0.0.1",
                server.ports().sip());
        return Baresip.start(work.resolve(name), List.of(account), server.certificate(), 600, BaresipAudio.SINE_440);
    }

    /** Alice calls Bob, who answers at once; returns when both have the call up. */
    private void connect(Baresip alice, Baresip bob) {
        await("both registered").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> server.cli().registrationsOf(ALICE.user()).size() == 1
                        && server.cli().registrationsOf(BOB.user()).size() == 1);
        alice.dial("sip:" + BOB.user() + "@" + SwitchboardProcess.DOMAIN);
        alice.awaitEvent("CALL_ESTABLISHED", WITHIN);
        bob.awaitEvent("CALL_ESTABLISHED", WITHIN);
    }

    /** The one live call, from {@code switchboard calls --json}. */
    private JsonNode liveCall() {
        ProcessResult calls = server.cli("calls", "--json");
        assertThat(calls.exitCode()).as(calls.describe()).isZero();
        JsonNode list = JSON.readTree(calls.stdout());
        assertThat(list).as(calls.stdout()).hasSize(1);
        return list.get(0);
    }

    /** The newest call record, from {@code switchboard cdr --json --limit 1}. */
    private JsonNode lastRecord() {
        ProcessResult cdr = server.cli("cdr", "--json", "--limit", "1");
        assertThat(cdr.exitCode()).as(cdr.describe()).isZero();
        JsonNode list = JSON.readTree(cdr.stdout());
        assertThat(list).as(cdr.stdout()).hasSize(1);
        return list.get(0);
    }
}
