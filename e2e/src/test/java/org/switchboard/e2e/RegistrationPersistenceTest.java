package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.FreePorts;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.Registration;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bindings survive a restart: after an upgrade or a reboot, phones stay reachable without waiting for their next
 * REGISTER (up to an hour later).
 */
class RegistrationPersistenceTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Credentials ALICE = new Credentials("1001", "Alice-Pass-1001");

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
    void aBindingIsStillListedAfterARestart() {
        Path data = work.resolve("data");
        SwitchboardCli cli = new SwitchboardCli(data);
        SwitchboardProcess.Ports ports = SwitchboardProcess.Ports.free();
        server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);
        cli.addExtension(ALICE, "Alice");
        int phonePort = FreePorts.next();
        SippResult registered = Sipp.scenario("register_digest.xml").target("127.0.0.1", ports.sip())
                .users(InjectionFile.write(work.resolve("alice.csv"), List.of(ALICE))).local("127.0.0.1", phonePort)
                .run();
        assertThat(registered.allSucceeded(1)).as(registered.describe()).isTrue();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(cli.registrationsOf(ALICE.user())).hasSize(1));
        Registration before = cli.registrationsOf(ALICE.user()).getFirst();

        server.stop();
        assertThat(server.isAlive()).isFalse();
        server = SwitchboardProcess.start(data, ports, ServerSettings.DEFAULTS);

        assertThat(cli.registrationsOf(ALICE.user())).singleElement().satisfies(after -> {
            assertThat(after.contact()).isEqualTo(before.contact()).contains(":" + phonePort);
            assertThat(after.transport()).isEqualToIgnoringCase(before.transport());
            assertThat(after.expiresInSeconds()).isBetween(1L, before.expiresInSeconds());
        });
    }
}
