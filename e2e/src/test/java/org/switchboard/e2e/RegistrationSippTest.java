package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
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
import org.switchboard.e2e.harness.Registration;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;
import org.switchboard.e2e.harness.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registrar (RFC 3261 section 10) as SIPp sees it: a hundred phones register with digest authentication over UDP
 * and over TCP, a wrong password is challenged again and never bound, un-registering removes bindings, and a too
 * short Expires is refused with 423.
 */
class RegistrationSippTest {
    private static final List<Credentials> PHONES = Credentials.numbered(2001, 100);
    private static final Credentials WRONG_PASSWORD_USER = new Credentials("2201", "Right-Pass-2201");
    private static final Credentials UNREGISTER_USER = new Credentials("2202", "Unreg-Pass-2202");
    private static final Credentials CONTACT_STAR_USER = new Credentials("2203", "Star-Pass-2203");
    private static final Credentials SHORT_EXPIRES_USER = new Credentials("2204", "Short-Pass-2204");
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
        cli.addExtensions(Stream.concat(PHONES.stream(),
                Stream.of(WRONG_PASSWORD_USER, UNREGISTER_USER, CONTACT_STAR_USER, SHORT_EXPIRES_USER)).toList());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static Sipp sipp(String scenario, Transport transport, String name, List<Credentials> users) {
        return Sipp.scenario(scenario).target("127.0.0.1", server.ports().sip()).transport(transport)
                .users(InjectionFile.write(work.resolve(name + "-" + transport + ".csv"), users)).calls(users.size());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aHundredPhonesRegisterWithDigest(Transport transport) {
        SippResult result = sipp("register_digest.xml", transport, "hundred", PHONES).rate(50).run();

        assertThat(result.allSucceeded(PHONES.size())).as(result.describe()).isTrue();
        await("all hundred bound over " + transport).atMost(VISIBLE_WITHIN).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<Registration> bound = cli.registrations().stream().filter(r -> r.isOver(transport)).toList();
                    assertThat(PHONES).allSatisfy(p -> assertThat(bound).anySatisfy(r -> assertThat(r.isOf(p.user()))
                            .isTrue()));
                    assertThat(bound).allSatisfy(r -> assertThat(r.expiresInSeconds()).isBetween(1L, 3600L));
                });
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aWrongPasswordIsChallengedAgainAndNeverBound(Transport transport) {
        // From 127.0.0.2, so that these failures count against another address than the other tests'.
        SippResult result = sipp("register_wrong_password.xml", transport, "wrong",
                List.of(WRONG_PASSWORD_USER.withPassword("Wrong-Pass-2201"))).local("127.0.0.2", 0).run();

        assertThat(result.allSucceeded(1)).as("401, then 401 again: " + result.describe()).isTrue();
        assertThat(cli.registrationsOf(WRONG_PASSWORD_USER.user())).isEmpty();
    }

    @Test
    void unregisteringRemovesOnlyThatBinding() {
        int kept = FreePorts.next();
        int removed = FreePorts.next();
        List<Credentials> user = List.of(UNREGISTER_USER);
        assertThat(sipp("register_digest.xml", Transport.UDP, "unreg-a", user).local("127.0.0.1", kept).run()
                .allSucceeded(1)).isTrue();
        assertThat(sipp("register_digest.xml", Transport.UDP, "unreg-b", user).local("127.0.0.1", removed).run()
                .allSucceeded(1)).isTrue();
        await().atMost(VISIBLE_WITHIN).untilAsserted(() ->
                assertThat(cli.registrationsOf(UNREGISTER_USER.user())).hasSize(2));

        SippResult result = sipp("unregister.xml", Transport.UDP, "unreg", user).local("127.0.0.1", removed).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        await().atMost(VISIBLE_WITHIN).untilAsserted(() ->
                assertThat(cli.registrationsOf(UNREGISTER_USER.user())).singleElement()
                        .satisfies(r -> assertThat(r.contact()).contains(":" + kept)));
    }

    @Test
    void contactStarRemovesEveryBinding() {
        List<Credentials> user = List.of(CONTACT_STAR_USER);
        for (String name : List.of("star-a", "star-b")) {
            assertThat(sipp("register_digest.xml", Transport.UDP, name, user).local("127.0.0.1", FreePorts.next())
                    .run().allSucceeded(1)).isTrue();
        }
        await().atMost(VISIBLE_WITHIN).untilAsserted(() ->
                assertThat(cli.registrationsOf(CONTACT_STAR_USER.user())).hasSize(2));

        SippResult result = sipp("unregister_all.xml", Transport.UDP, "star", user).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        await().atMost(VISIBLE_WITHIN).untilAsserted(() ->
                assertThat(cli.registrationsOf(CONTACT_STAR_USER.user())).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aTooShortExpiresIsRefusedWith423(Transport transport) {
        SippResult result = sipp("register_expires_too_short.xml", transport, "short", List.of(SHORT_EXPIRES_USER))
                .run();

        assertThat(result.allSucceeded(1)).as("423 with Min-Expires: 60: " + result.describe()).isTrue();
        assertThat(cli.registrationsOf(SHORT_EXPIRES_USER.user())).isEmpty();
    }
}
