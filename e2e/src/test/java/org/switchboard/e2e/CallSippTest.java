package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.FreePorts;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.ListeningSockets;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.RunningSipp;
import org.switchboard.e2e.harness.ServerSettings;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls between extensions through the B2BUA as SIPp sees them (issue 3, item 6): every caller is challenged (407)
 * and follows the route set; callees are SIPp phones registered with digest. Each test has its own callee
 * extension, so bindings left by one test never answer another's call. The scenarios are in {@code sipp/calls}
 * (see its README) and are checked without a server by {@code harness.CallScenariosTest}.
 */
class CallSippTest {
    private static final Credentials CALLER = new Credentials("3001", "Caller-Pass-3001");
    private static final Duration RUN = Duration.ofSeconds(15);
    /** The ring timeout the no-answer test gives its callee (the server's minimum), and a margin past it. */
    private static final int RING_SECONDS = 5;
    private static final Duration PAST_RING_TIMEOUT = Duration.ofSeconds(RING_SECONDS + 15);
    private static final String UNKNOWN_NUMBER = "3999";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;
    private static Path callers;

    @BeforeAll
    static void startServer() {
        // The SIPp phones wait for an INVITE: an unsolicited MWI NOTIFY would be a failed call of theirs.
        server = SwitchboardProcess.start(work.resolve("data"), SwitchboardProcess.Ports.free(),
                ServerSettings.NO_UNSOLICITED_MWI_NO_VOICEMAIL);
        cli = server.cli();
        cli.addExtensions(Stream.concat(Stream.of(CALLER), Stream.iterate(3101, n -> n + 1).limit(12)
                .map(CallSippTest::callee)).toList());
        callers = InjectionFile.write(work.resolve("callers.csv"), List.of(CALLER));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void theCallerHangsUp(Transport transport) {
        Credentials bob = callee(transport == Transport.UDP ? 3101 : 3102);
        RunningSipp phone = registeredPhone(bob, "callee_answer_wait_bye.xml", transport);

        SippResult call = caller("caller_auth.xml", bob.user(), transport).run();

        assertSucceeded(call, phone);
    }

    @Test
    void theCalleeHangsUp() {
        Credentials bob = callee(3103);
        RunningSipp phone = registeredPhone(bob, "callee_answer_then_bye.xml", Transport.UDP);

        assertSucceeded(caller("caller_auth_wait_bye.xml", bob.user(), Transport.UDP).run(), phone);
    }

    @Test
    void aBusyPhoneGives486() {
        Credentials bob = callee(3104);
        RunningSipp phone = registeredPhone(bob, "callee_busy.xml", Transport.UDP);

        assertSucceeded(caller("caller_auth_expect_busy.xml", bob.user(), Transport.UDP).run(), phone);
    }

    @Test
    void theCallerCancelsWhileItRings() {
        Credentials bob = callee(3105);
        RunningSipp phone = registeredPhone(bob, "callee_ring_forever.xml", Transport.UDP);

        assertSucceeded(caller("caller_auth_cancel.xml", bob.user(), Transport.UDP).run(), phone);
    }

    @Test
    void noAnswerGives480AfterTheExtensionsRingTimeoutAndCancelsThePhone() {
        Credentials bob = callee(3106);
        ProcessResult set = cli.run("extension", "set", bob.user(), "--ring-timeout", Integer.toString(RING_SECONDS));
        assertThat(set.exitCode()).as(set.describe()).isZero();
        RunningSipp phone = registeredPhone(bob, "callee_ring_forever.xml", Transport.UDP, PAST_RING_TIMEOUT);

        SippResult call = caller("caller_auth_expect_480.xml", bob.user(), Transport.UDP)
                .timeout(PAST_RING_TIMEOUT).run();

        assertSucceeded(call, phone);
    }

    @Test
    void anUnregisteredExtensionGives480() {
        SippResult call = caller("caller_auth_expect_480.xml", callee(3107).user(), Transport.UDP).run();

        assertThat(call.allSucceeded(1)).as(call.describe()).isTrue();
    }

    @Test
    void anUnknownNumberGives404AfterTheChallenge() {
        SippResult call = caller("caller_auth_expect_404.xml", UNKNOWN_NUMBER, Transport.UDP).run();

        assertThat(call.allSucceeded(1)).as(call.describe()).isTrue();
    }

    @Test
    void holdAndResumeAreAnsweredByTheServerAndTheOtherPhoneSeesNoReInvite() {
        Credentials bob = callee(3108);
        // This callee answers and waits for BYE: a re-INVITE reaching it would fail it (SIPp: unexpected message).
        RunningSipp phone = registeredPhone(bob, "callee_answer_wait_bye.xml", Transport.UDP);

        assertSucceeded(caller("caller_hold_resume.xml", bob.user(), Transport.UDP).run(), phone);
    }

    @Test
    void aCallerRequiring100relIsRefusedWith420() {
        SippResult call = caller("caller_100rel.xml", callee(3109).user(), Transport.UDP).run();

        assertThat(call.allSucceeded(1)).as(call.describe()).isTrue();
    }

    @Test
    void aCallerSupporting100relReachesAPhoneSupportingIt() {
        Credentials bob = callee(3109);
        RunningSipp phone = registeredPhone(bob, "callee_100rel.xml", Transport.UDP);

        assertSucceeded(caller("caller_supports_100rel.xml", bob.user(), Transport.UDP).run(), phone);
    }

    @Test
    void bothPhonesOfAnExtensionRingAndTheOneNotAnsweringIsCancelled() {
        Credentials bob = callee(3110);
        RunningSipp answering = registeredPhone(bob, "callee_answer_wait_bye.xml", Transport.UDP);
        RunningSipp ringing = registeredPhone(bob, "callee_ring_forever.xml", Transport.UDP);
        await("two bindings").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> cli.registrationsOf(bob.user()).size() == 2);

        SippResult call = caller("caller_auth.xml", bob.user(), Transport.UDP).run();

        assertThat(call.allSucceeded(1)).as(call.describe()).isTrue();
        assertThat(answering.await(RUN).allSucceeded(1)).isTrue();
        SippResult cancelled = ringing.await(RUN);
        assertThat(cancelled.allSucceeded(1)).as("the other phone got CANCEL: " + cancelled.describe()).isTrue();
    }

    @Test
    void aThousandCallsAtFiftyPerSecondWithoutAFailureOrALeftoverCall() {
        int calls = 1_000;
        Credentials bob = callee(3111);
        RunningSipp phone = registeredPhone(bob, "callee_answer_wait_bye.xml", Transport.UDP, Duration.ofSeconds(120),
                calls);
        Path manyCallers = InjectionFile.write(work.resolve("callers-1000.csv"), Collections.nCopies(calls, CALLER));

        SippResult load = caller("caller_auth.xml", bob.user(), Transport.UDP).users(manyCallers).calls(calls)
                .rate(50).timeout(Duration.ofSeconds(120)).run();

        assertThat(load.allSucceeded(calls)).as(load.describe()).isTrue();
        SippResult answered = phone.await(Duration.ofSeconds(60));
        assertThat(answered.allSucceeded(calls)).as(answered.describe()).isTrue();
        // No live call left, and no RTP port of the server's range still bound: every pair went back.
        await("no live call and no bound RTP port after the load").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    ProcessResult live = cli.run("calls", "--json");
                    assertThat(live.exitCode()).as(live.describe()).isZero();
                    assertThat(JSON.readTree(live.stdout())).as(live.stdout()).isEmpty();
                    assertThat(ListeningSockets.udpPortsOf(server.pid(), 10_000, 20_000)).as("RTP ports still bound")
                            .isEmpty();
                });
    }

    private static Credentials callee(int number) {
        return new Credentials(Integer.toString(number), "Callee-Pass-" + number);
    }

    /** A SIPp caller for extension {@link #CALLER}, dialling {@code number} through the server. */
    private static Sipp caller(String scenario, String number, Transport transport) {
        int sip = server.ports().sip();
        return Sipp.scenario("calls/" + scenario).target("127.0.0.1", sip).transport(transport).users(callers)
                .key("dial", number).authUri(number + "@127.0.0.1:" + sip).timeout(RUN);
    }

    private static RunningSipp registeredPhone(Credentials user, String scenario, Transport transport) {
        return registeredPhone(user, scenario, transport, RUN);
    }

    private static RunningSipp registeredPhone(Credentials user, String scenario, Transport transport,
            Duration timeout) {
        return registeredPhone(user, scenario, transport, timeout, 1);
    }

    /** Registers {@code user} from a free port (register_digest.xml), then starts {@code scenario} on that port. */
    private static RunningSipp registeredPhone(Credentials user, String scenario, Transport transport,
            Duration timeout, int calls) {
        int port = FreePorts.next();
        SippResult registered = Sipp.scenario("register_digest.xml").target("127.0.0.1", server.ports().sip())
                .transport(transport).local("127.0.0.1", port)
                .users(InjectionFile.write(work.resolve(user.user() + "-" + port + ".csv"), List.of(user))).run();
        assertThat(registered.allSucceeded(1)).as("callee registered: " + registered.describe()).isTrue();
        return Sipp.scenario("calls/" + scenario).target("127.0.0.1", server.ports().sip()).transport(transport)
                .local("127.0.0.1", port).calls(calls).timeout(timeout).start();
    }

    private static void assertSucceeded(SippResult call, RunningSipp phone) {
        assertThat(call.allSucceeded(1)).as("caller: " + call.describe()).isTrue();
        SippResult answered = phone.await(RUN);
        assertThat(answered.allSucceeded(1)).as("callee: " + answered.describe()).isTrue();
    }
}
