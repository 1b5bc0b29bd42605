package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.Sipsak;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPTIONS to the server is answered 200 without authentication (RFC 3261 section 11): what monitoring probes
 * (sipsak, as Nagios plugins use it) and trunk keep-alives rely on.
 */
class OptionsSipsakTest {
    @TempDir
    static Path work;
    private static SwitchboardProcess server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void sipsakOptionsGets200() {
        Sipsak.Result result = Sipsak.options("127.0.0.1", server.ports().sip(), Duration.ofSeconds(15));

        assertThat(result.status()).as(result.output()).hasValue(200);
        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void sippOptionsGets200(Transport transport) {
        SippResult result = Sipp.scenario("options.xml").target("127.0.0.1", server.ports().sip())
                .transport(transport).calls(5).rate(5).run();

        assertThat(result.allSucceeded(5)).as(result.describe()).isTrue();
    }
}
