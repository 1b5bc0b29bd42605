package org.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

/**
 * A password-guessing SIPp from one loopback address is logged, one security line per failure,
 * and after the configured number of failures that address gets no answer at all, while another
 * address is still served.
 */
class BruteForceDefenceTest {
    private static final int MAX_FAILURES = 3;
    private static final String ATTACKER = "127.0.0.5";
    private static final String BYSTANDER = "127.0.0.6";
    private static final Credentials VICTIM = new Credentials("1301", "Victim-Pass-1301");

    @TempDir
    static Path work;
    private static SwitchboardProcess server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"), SwitchboardProcess.Ports.free(), new ServerSettings("""
                # Written by BruteForceDefenceTest: block after a few failures.
                auth:
                  max-failures: %d
                  failure-window: 10m
                  block-duration: 10m
                """.formatted(MAX_FAILURES)));
        server.cli().addExtension(VICTIM, "Victim");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.stop();
    }

    @Test
    void guessingPasswordsIsLoggedAndThenIgnored() {
        Path guesses = InjectionFile.write(work.resolve("guesses.csv"), List.of(VICTIM.withPassword("Guess-Pass-0001")));
        SippResult guessing = Sipp.scenario("register_wrong_password.xml").target("127.0.0.1", server.ports().sip())
                .transport(Transport.UDP).users(guesses).calls(MAX_FAILURES).local(ATTACKER, 0).run();
        assertThat(guessing.allSucceeded(MAX_FAILURES)).as("every guess answered 401: " + guessing.describe()).isTrue();

        await("one security line per failure, then the block").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String log = server.output();
            assertThat(log.lines().filter(l -> l.contains("event=auth_failure") && l.contains(ATTACKER)))
                    .hasSize(MAX_FAILURES)
                    .allSatisfy(l -> assertThat(l).contains("user=1301").doesNotContain(VICTIM.password()));
            assertThat(log).containsPattern("event=address_blocked source=\\S*" + ATTACKER.replace(".", "\\."));
        });

        SippResult blocked = options(ATTACKER);
        assertThat(blocked.successfulCalls()).as("the blocked address gets no answer: " + blocked.describe()).isZero();
        assertThat(blocked.failedCalls()).isEqualTo(1);

        SippResult other = options(BYSTANDER);
        assertThat(other.allSucceeded(1)).as("another address is still served: " + other.describe()).isTrue();
    }

    private static SippResult options(String from) {
        return Sipp.scenario("options_timeout.xml").target("127.0.0.1", server.ports().sip()).transport(Transport.UDP)
                .calls(1).local(from, 0).timeout(Duration.ofSeconds(30)).run();
    }
}
