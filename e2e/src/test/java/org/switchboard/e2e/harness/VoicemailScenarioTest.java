package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIPp voicemail caller ({@code sipp/voicemail/caller_98_listen.xml}) checked without a server, as
 * {@link CallScenariosTest} checks the call scenarios: against a SIPp phone that answers and waits for BYE, the call
 * completes with every key replayed from SIPp's pcaps on the way (a missing pcap or a raw socket SIPp may not open
 * fails the run).
 */
class VoicemailScenarioTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(45);

    @TempDir
    Path work;

    @Test
    void theMailboxCallerCompletesAgainstAPhoneThatAnswers() {
        int port = FreePorts.next();
        RunningSipp phone = Sipp.scenario("calls/callee_answer_wait_bye.xml").local("127.0.0.1", port)
                .timeout(RUN_TIMEOUT).start();

        SippResult caller = Sipp.scenario("voicemail/caller_98_listen.xml").target("127.0.0.1", port)
                .users(InjectionFile.write(work.resolve("caller.csv"), List.of(new Credentials("4781", "Pw-4781"))))
                .key("dial", "*98").authUri("*98@127.0.0.1:" + port).variable("direct", "1").timeout(RUN_TIMEOUT)
                .run();

        assertThat(caller.allSucceeded(1)).as("caller: " + caller.describe()).isTrue();
        SippResult callee = phone.await(RUN_TIMEOUT);
        assertThat(callee.allSucceeded(1)).as("callee: " + callee.describe()).isTrue();
    }
}
