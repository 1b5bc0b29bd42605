package org.switchboard.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SippTest {
    @TempDir
    Path dir;

    @Test
    void readsTheCumulativeCountsOfTheLastStatisticsLine() throws Exception {
        Path csv = Files.write(dir.resolve("s.csv"), List.of(
                "StartTime;SuccessfulCall(P);SuccessfulCall(C);FailedCall(P);FailedCall(C);",
                "t0;1;1;0;0;",
                "t1;2;97;1;3;"));

        assertThat(Sipp.finalCounts(csv)).containsExactly(97, 3);
    }

    @Test
    void noStatisticsMeansNoCalls() {
        assertThat(Sipp.finalCounts(dir.resolve("missing.csv"))).containsExactly(0, 0);
    }

    @Test
    void theCommandLineCarriesTransportUsersSourceKeysVariablesAndDigestUri() {
        Sipp sipp = Sipp.scenario("register_digest.xml").target("127.0.0.1", 5999).transport(Transport.TCP)
                .users(Path.of("/tmp/u.csv")).calls(100).rate(50).local("127.0.0.2", 6000).key("expires", "120")
                .variable("direct", "1").authUri("1002@127.0.0.1:5999");

        assertThat(String.join(" ", sipp.commandLine(Path.of("/tmp/x"))))
                .startsWith("sipp 127.0.0.1:5999 -sf ")
                .contains("-t t1", "-m 100", "-r 50", "-i 127.0.0.2", "-p 6000", "-inf /tmp/u.csv",
                        "-key expires 120", "-nd", "-timeout_error", "-set direct 1",
                        "-auth_uri 1002@127.0.0.1:5999");
    }
}
