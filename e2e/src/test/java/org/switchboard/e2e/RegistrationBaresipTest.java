package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.Registration;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real softphone, baresip, registers three extensions at once, one over each transport (UDP, TCP, and TLS on the
 * SIPS port with the server's self-signed certificate), and the server lists each binding with its transport.
 */
class RegistrationBaresipTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Credentials ALICE = new Credentials("1001", "Alice-Pass-1001");
    private static final Credentials BOB = new Credentials("1002", "Bob-Pass-1002");
    private static final Credentials CAROL = new Credentials("1003", "Carol-Pass-1003");

    @TempDir
    Path work;
    private SwitchboardProcess server;
    private SwitchboardCli cli;

    @BeforeEach
    void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        cli.addExtension(ALICE, "Alice");
        cli.addExtension(BOB, "Bob");
        cli.addExtension(CAROL, "Carol");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void registersOverUdpTcpAndTls() {
        SwitchboardProcess.Ports ports = server.ports();
        BaresipAccount udp = new BaresipAccount(ALICE, SwitchboardProcess.DOMAIN, Transport.UDP, "127.0.0.1",
                ports.sip());
        BaresipAccount tcp = new BaresipAccount(BOB, SwitchboardProcess.DOMAIN, Transport.TCP, "127.0.0.1",
                ports.sip());
        BaresipAccount tls = new BaresipAccount(CAROL, SwitchboardProcess.DOMAIN, Transport.TLS, "127.0.0.1",
                ports.sips());

        // The phone is closed (and un-registers) before the server stops.
        try (Baresip phone = Baresip.start(work.resolve("baresip"), List.of(udp, tcp, tls), server.certificate(),
                600)) {
            await("three bindings, one per transport").atMost(WITHIN).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<Registration> all = cli.registrations();
                        assertBound(all, ALICE, Transport.UDP);
                        assertBound(all, BOB, Transport.TCP);
                        assertBound(all, CAROL, Transport.TLS);
                    });
            assertThat(phone.isRegistered(udp) && phone.isRegistered(tcp) && phone.isRegistered(tls))
                    .as(phone.reginfo()).isTrue();
        }
        await("bindings removed when the phone quits").atMost(WITHIN).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(cli.registrations()).isEmpty());
    }

    private static void assertBound(List<Registration> all, Credentials user, Transport transport) {
        assertThat(all).filteredOn(r -> r.isOf(user.user())).singleElement().satisfies(r -> {
            assertThat(r.isOver(transport)).as("transport of " + r).isTrue();
            assertThat(r.userAgent()).containsIgnoringCase("baresip");
            assertThat(r.expiresInSeconds()).isBetween(1L, 600L);
        });
    }
}
