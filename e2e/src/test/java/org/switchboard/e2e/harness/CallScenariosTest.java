package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call scenarios of {@code sipp/calls} checked without a server: each SIPp caller against the SIPp callee (or
 * the {@code standin/} server stand-in) it will meet through Switchboard, directly on loopback, so that when the
 * B2BUA lands a failure is the server's, not the XML's.
 *
 * <p>Callers run with {@code -set direct 1} against callees (no challenge on a direct call), and without it against
 * the stand-ins, which challenge like the server does.
 */
class CallScenariosTest {
    private static final Credentials CALLER = new Credentials("1001", "Caller-Pass-1001");
    private static final String CALLEE = "1002";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    private static Path callers;

    @BeforeAll
    static void writeCallers() {
        callers = InjectionFile.write(work.resolve("callers.csv"), List.of(CALLER));
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void theCallerHangsUp(Transport transport) {
        assertBothSucceed(pair("callee_answer_wait_bye.xml", "caller_auth.xml", transport, true));
    }

    @Test
    void theCallerAnswersTheServersChallenge() {
        assertBothSucceed(pair("standin/standin_challenge.xml", "caller_auth.xml", Transport.UDP, false));
    }

    @Test
    void aCallerThatWasNeverChallengedFailsAgainstAServer() {
        Pair run = pair("callee_busy.xml", "caller_auth_expect_busy.xml", Transport.UDP, false);

        assertThat(run.callee().allSucceeded(1)).as(run.callee().describe()).isTrue();
        assertThat(run.caller().failedCalls()).as("486 without a 407 first: " + run.caller().describe())
                .isEqualTo(1);
    }

    @Test
    void theCalleeHangsUp() {
        assertBothSucceed(pair("callee_answer_then_bye.xml", "caller_auth_wait_bye.xml", Transport.UDP, true));
    }

    @Test
    void theCallerCancelsWhileItRings() {
        assertBothSucceed(pair("callee_ring_forever.xml", "caller_auth_cancel.xml", Transport.UDP, true));
    }

    @Test
    void aBusyCalleeRefusesWith486() {
        assertBothSucceed(pair("callee_busy.xml", "caller_auth_expect_busy.xml", Transport.UDP, true));
    }

    @ParameterizedTest
    @CsvSource({"standin_reject_busy.xml, caller_auth_expect_busy.xml",
            "standin_reject_480.xml, caller_auth_expect_480.xml",
            "standin_reject_404.xml, caller_auth_expect_404.xml"})
    void aRejectionAfterTheChallengeIsAcknowledged(String standin, String caller) {
        assertBothSucceed(pair("standin/" + standin, caller, Transport.UDP, false));
    }

    @Test
    void holdAndResumeByReInvite() {
        assertBothSucceed(pair("callee_hold.xml", "caller_hold_resume.xml", Transport.UDP, true));
    }

    @Test
    void aCallerRequiring100relIsRefusedWith420() {
        assertBothSucceed(pair("standin/standin_bad_extension.xml", "caller_100rel.xml", Transport.UDP, false));
    }

    @Test
    void aReliable180IsPracked() {
        assertBothSucceed(pair("callee_100rel.xml", "caller_supports_100rel.xml", Transport.UDP, true));
    }

    @Test
    void aCalleeSupporting100relAnswersACallerThatDoesNot() {
        assertBothSucceed(pair("callee_100rel.xml", "caller_auth.xml", Transport.UDP, true));
    }

    @Test
    void aCallerSupporting100relTakesAnUnreliable180AfterTheChallenge() {
        assertBothSucceed(pair("standin/standin_challenge.xml", "caller_supports_100rel.xml", Transport.UDP, false));
    }

    /** What the two sides of one call reported. */
    private record Pair(SippResult caller, SippResult callee) {
    }

    /**
     * Starts {@code callee} on a free port, runs {@code caller} against it (one call, dialling {@value #CALLEE}),
     * and waits for both.
     */
    private static Pair pair(String callee, String caller, Transport transport, boolean direct) {
        int port = FreePorts.next();
        RunningSipp phone = Sipp.scenario("calls/" + callee).transport(transport).local("127.0.0.1", port)
                .timeout(RUN_TIMEOUT).start();
        Sipp call = Sipp.scenario("calls/" + caller).target("127.0.0.1", port).transport(transport).users(callers)
                .key("dial", CALLEE).authUri(CALLEE + "@127.0.0.1:" + port).timeout(RUN_TIMEOUT);
        SippResult callerResult = (direct ? call.variable("direct", "1") : call).run();
        return new Pair(callerResult, phone.await(RUN_TIMEOUT.plusSeconds(20)));
    }

    private static void assertBothSucceed(Pair run) {
        assertThat(run.caller().allSucceeded(1)).as("caller: " + run.caller().describe()).isTrue();
        assertThat(run.callee().allSucceeded(1)).as("callee: " + run.callee().describe()).isTrue();
    }
}
