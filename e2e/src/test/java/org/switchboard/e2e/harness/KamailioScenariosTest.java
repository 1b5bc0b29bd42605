package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIPp scenarios checked against Kamailio with digest authentication, over UDP and TCP: they are valid SIPp
 * and say what a registrar that follows RFC 3261 answers, so a failure against Switchboard is Switchboard's.
 */
class KamailioScenariosTest {
    private static final List<Credentials> UDP_USERS = Credentials.numbered(3001, 30);
    private static final List<Credentials> TCP_USERS = Credentials.numbered(3101, 30);

    @TempDir
    static Path work;
    private static Kamailio kamailio;

    @BeforeAll
    static void startKamailio() {
        kamailio = Kamailio.start(work, FreePorts.next(),
                Stream.concat(UDP_USERS.stream(), TCP_USERS.stream()).toList());
    }

    @AfterAll
    static void stopKamailio() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    private static List<Credentials> users(Transport transport) {
        return transport == Transport.UDP ? UDP_USERS : TCP_USERS;
    }

    private static Sipp sipp(String scenario, Transport transport) {
        return Sipp.scenario(scenario).target("127.0.0.1", kamailio.port()).transport(transport);
    }

    private static Path injection(String name, List<Credentials> users) {
        return InjectionFile.write(work.resolve(name + ".csv"), users);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void everyUserRegistersWithDigest(Transport transport) {
        List<Credentials> users = users(transport).subList(0, 20);

        SippResult result = sipp("register_digest.xml", transport).users(injection("digest-" + transport, users))
                .calls(users.size()).rate(20).run();

        assertThat(result.allSucceeded(users.size())).as(result.describe()).isTrue();
        assertThat(kamailio.registeredUsers()).containsAll(users.stream().map(Credentials::user).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void wrongPasswordIsChallengedAgain(Transport transport) {
        Credentials wrong = users(transport).get(20).withPassword("not-the-password");

        SippResult result = sipp("register_wrong_password.xml", transport)
                .users(injection("wrong-" + transport, List.of(wrong))).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        assertThat(kamailio.registeredUsers()).doesNotContain(wrong.user());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void tooShortExpiresGets423WithMinExpires(Transport transport) {
        Credentials user = users(transport).get(21);

        SippResult result = sipp("register_expires_too_short.xml", transport)
                .users(injection("short-" + transport, List.of(user))).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        assertThat(kamailio.registeredUsers()).doesNotContain(user.user());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void unregisterRemovesTheOneBinding(Transport transport) {
        Credentials user = users(transport).get(22);
        Path inf = injection("unregister-" + transport, List.of(user));
        int port = FreePorts.next();
        int otherPort = FreePorts.next();
        assertThat(sipp("register_digest.xml", transport).users(inf).local("127.0.0.1", port).run().allSucceeded(1))
                .isTrue();
        assertThat(sipp("register_digest.xml", transport).users(inf).local("127.0.0.1", otherPort).run()
                .allSucceeded(1)).isTrue();
        assertThat(kamailio.contactsOf(user.user())).hasSize(2);

        SippResult result = sipp("unregister.xml", transport).users(inf).local("127.0.0.1", port).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        assertThat(kamailio.contactsOf(user.user())).singleElement().asString().contains(":" + otherPort);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void contactStarRemovesEveryBinding(Transport transport) {
        Credentials user = users(transport).get(23);
        Path inf = injection("unregister-all-" + transport, List.of(user));
        for (int i = 0; i < 2; i++) {
            assertThat(sipp("register_digest.xml", transport).users(inf).local("127.0.0.1", FreePorts.next()).run()
                    .allSucceeded(1)).isTrue();
        }
        assertThat(kamailio.contactsOf(user.user())).hasSize(2);

        SippResult result = sipp("unregister_all.xml", transport).users(inf).run();

        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        assertThat(kamailio.registeredUsers()).doesNotContain(user.user());
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void optionsIsAnswered200(Transport transport) {
        SippResult result = sipp("options.xml", transport).calls(3).run();

        assertThat(result.allSucceeded(3)).as(result.describe()).isTrue();
    }
}
