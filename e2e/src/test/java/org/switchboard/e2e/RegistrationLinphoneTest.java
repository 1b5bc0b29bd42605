package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.Linphonec;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Linphone (linphonec 5.1) registers with SHA-256 digest (RFC 8760) when the server offers it first: Linphone
 * answers it, which no other peer here can.
 */
class RegistrationLinphoneTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Credentials BOB = new Credentials("1002", "Bob-Pass-1002");

    @TempDir
    Path work;
    private SwitchboardProcess server;
    private SwitchboardCli cli;

    @BeforeEach
    void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"), SwitchboardProcess.Ports.free(),
                ServerSettings.SHA256_FIRST);
        cli = server.cli();
        cli.addExtension(BOB, "Bob");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void linphonecRegistersWithSha256Digest() {
        try (Linphonec phone = Linphonec.start(work.resolve("linphone-home"))) {
            phone.register(BOB, SwitchboardProcess.DOMAIN, "127.0.0.1", server.ports().sip());

            await("linphonec registered").atMost(WITHIN).until(phone::isRegistered);
            await("server lists the binding").atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(cli.registrationsOf(BOB.user())).singleElement().satisfies(r -> {
                        assertThat(r.isOver(Transport.UDP)).isTrue();
                        assertThat(r.source()).startsWith("127.0.0.1:");
                        assertThat(r.userAgent()).isNotBlank();
                    }));
            assertThat(phone.debugLog()).as("Linphone answered the SHA-256 challenge")
                    .containsPattern("(?i)Authorization:.*algorithm=SHA-256");
        }
    }
}
