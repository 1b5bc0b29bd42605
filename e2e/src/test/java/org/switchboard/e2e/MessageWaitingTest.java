package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.e2e.harness.Baresip;
import org.switchboard.e2e.harness.BaresipAccount;
import org.switchboard.e2e.harness.BaresipEvent;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.FreePorts;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.RunningSipp;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message waiting indication (RFC 3842 over RFC 6665) with real peers: SIPp subscribes with digest over UDP and TCP,
 * gets the current state at once and unsubscribes; SIPp registered without subscribing gets an unsolicited NOTIFY;
 * baresip's {@code mwi} module subscribes and reports the lamp. Voicemail is not wired to the notifier yet, so every
 * mailbox reads as empty (lamp off, 0/0); a change of the counts is proven by {@code pbx.mwi.MwiNotifierTest}. The
 * scenarios are in {@code sipp/mwi}; each checks the NOTIFY's headers and body with regular expressions.
 */
class MessageWaitingTest {
    private static final Credentials UDP_SUBSCRIBER = new Credentials("4001", "Mwi-Pass-4001");
    private static final Credentials TCP_SUBSCRIBER = new Credentials("4002", "Mwi-Pass-4002");
    private static final Credentials SILENT_PHONE = new Credentials("4003", "Mwi-Pass-4003");
    private static final Credentials BARESIP_USER = new Credentials("4004", "Mwi-Pass-4004");
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    private static SwitchboardProcess server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        SwitchboardCli cli = server.cli();
        cli.addExtensions(List.of(UDP_SUBSCRIBER, TCP_SUBSCRIBER, SILENT_PHONE, BARESIP_USER));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aPhoneSubscribesWithDigestGetsTheLampAtOnceAndUnsubscribes(Transport transport) {
        Credentials user = transport == Transport.UDP ? UDP_SUBSCRIBER : TCP_SUBSCRIBER;
        int sip = server.ports().sip();
        SippResult result = Sipp.scenario("mwi/subscribe_digest.xml").target("127.0.0.1", sip).transport(transport)
                .users(InjectionFile.write(work.resolve("subscriber-" + transport + ".csv"), List.of(user)))
                .key("expires", "600").authUri(user.user() + "@127.0.0.1:" + sip).timeout(RUN).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
    }

    @Test
    void aRegisteredPhoneThatDoesNotSubscribeGetsAnUnsolicitedNotify() {
        int port = FreePorts.next();
        SippResult registered = Sipp.scenario("register_digest.xml").target("127.0.0.1", server.ports().sip())
                .local("127.0.0.1", port).users(InjectionFile.write(work.resolve("silent.csv"), List.of(SILENT_PHONE)))
                .run();
        assertThat(registered.allSucceeded(1)).as("registered: " + registered.describe()).isTrue();

        RunningSipp phone = Sipp.scenario("mwi/unsolicited_notify_uas.xml").target("127.0.0.1", server.ports().sip())
                .local("127.0.0.1", port).timeout(RUN).start();

        SippResult notified = phone.await(RUN.plusSeconds(20));
        assertThat(notified.allSucceeded(1)).as("unsolicited NOTIFY: " + notified.describe()).isTrue();
    }

    @Test
    void baresipSubscribesAndReportsTheLamp() {
        BaresipAccount account = new BaresipAccount(BARESIP_USER, SwitchboardProcess.DOMAIN, Transport.UDP,
                "127.0.0.1", server.ports().sip());
        // Closed (un-subscribed and un-registered) before the server stops.
        try (Baresip phone = Baresip.startWithMwi(work.resolve("baresip"), null)) {
            phone.addAccount(account, 60);

            BaresipEvent mwi = phone.awaitEvent("MWI_NOTIFY", WITHIN);

            assertThat(mwi.accountAor()).isEqualTo(account.aor());
            assertThat(mwi.param()).contains("Messages-Waiting: no", "Message-Account: sip:4004@127.0.0.1",
                    "Voice-Message: 0/0 (0/0)");
        }
    }
}
