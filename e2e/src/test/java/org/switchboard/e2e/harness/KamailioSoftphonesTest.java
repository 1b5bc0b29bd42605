package org.switchboard.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The softphone and probe drivers (baresip, linphonec, sipsak) checked against Kamailio with digest authentication,
 * and baresip's TLS account against a plain TLS listener ({@code openssl s_server}; Debian's Kamailio has no TLS
 * module without an extra package).
 */
class KamailioSoftphonesTest {
    private static final Duration REGISTERED_WITHIN = Duration.ofSeconds(15);
    private static final List<Credentials> USERS = Credentials.numbered(4001, 5);

    @TempDir
    static Path work;
    private static Kamailio kamailio;

    @BeforeAll
    static void startKamailio() {
        kamailio = Kamailio.start(work.resolve("kamailio"), FreePorts.next(), USERS);
    }

    @AfterAll
    static void stopKamailio() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    @Test
    void baresipRegistersOverUdpAndTcp() {
        BaresipAccount udp = new BaresipAccount(USERS.get(0), "127.0.0.1", Transport.UDP, "127.0.0.1", kamailio.port());
        BaresipAccount tcp = new BaresipAccount(USERS.get(1), "127.0.0.1", Transport.TCP, "127.0.0.1", kamailio.port());

        try (Baresip phone = Baresip.start(work.resolve("baresip"), List.of(udp, tcp), selfSignedCertificate()[0],
                600)) {
            await("baresip registered both accounts").atMost(REGISTERED_WITHIN)
                    .until(() -> phone.isRegistered(udp) && phone.isRegistered(tcp));
            assertThat(kamailio.contactsOf(udp.credentials().user())).singleElement().asString()
                    .doesNotContainIgnoringCase("transport=tcp");
            assertThat(kamailio.contactsOf(tcp.credentials().user())).singleElement().asString()
                    .containsIgnoringCase("transport=tcp");
        }
        await("baresip un-registered on quit").atMost(REGISTERED_WITHIN)
                .until(() -> !kamailio.registeredUsers().contains(udp.credentials().user()));
    }

    @Test
    void baresipSendsItsTlsRegisterOverTls() {
        Path[] certAndKey = selfSignedCertificate();
        int tlsPort = FreePorts.next();
        try (ChildProcess tlsServer = ChildProcess.start("openssl-s_server-" + tlsPort, List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + tlsPort, "-cert", certAndKey[0].toString(), "-key",
                certAndKey[1].toString()), work, Map.of(), Duration.ofMinutes(2))) {
            assertThat(tlsServer.awaitLine(l -> l.equals("ACCEPT"), REGISTERED_WITHIN)).as("openssl s_server listening")
                    .isPresent();
            BaresipAccount tls = new BaresipAccount(USERS.get(2), "127.0.0.1", Transport.TLS, "127.0.0.1", tlsPort);
            try (Baresip phone = Baresip.start(work.resolve("baresip-tls"), List.of(tls), certAndKey[0], 600)) {
                assertThat(tlsServer.awaitLine(l -> l.startsWith("REGISTER sip:127.0.0.1"), REGISTERED_WITHIN))
                        .as("REGISTER over TLS; see " + tlsServer.log()).isPresent();
                assertThat(tlsServer.awaitLine(l -> l.startsWith("Via: SIP/2.0/TLS"), REGISTERED_WITHIN)).isPresent();
                assertThat(tlsServer.awaitLine(l -> l.startsWith("To: <sip:" + tls.credentials().user()
                        + "@127.0.0.1>"), REGISTERED_WITHIN)).isPresent();
            }
        }
    }

    @Test
    void linphonecRegisters() {
        Credentials user = USERS.get(3);
        try (Linphonec phone = Linphonec.start(work.resolve("linphone-home"))) {
            phone.register(user, "127.0.0.1", "127.0.0.1", kamailio.port());

            await("linphonec registered").atMost(REGISTERED_WITHIN).until(phone::isRegistered);
            assertThat(kamailio.registeredUsers()).contains(user.user());
        }
    }

    @Test
    void sipsakOptionsGets200() {
        Sipsak.Result result = Sipsak.options("127.0.0.1", kamailio.port(), Duration.ofSeconds(10));

        assertThat(result.status()).as(result.output()).hasValue(200);
        assertThat(result.exitCode()).isZero();
    }

    /** A self-signed certificate and key for 127.0.0.1 made by openssl, generated once. */
    private static Path[] selfSignedCertificate() {
        Path cert = work.resolve("cert.pem");
        Path key = work.resolve("key.pem");
        if (!cert.toFile().exists()) {
            ProcessResult r = new OneShotCommand("openssl-req", List.of("openssl", "req", "-x509", "-newkey", "ec",
                    "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out",
                    cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1"), work, Duration.ofSeconds(30)).run();
            assertThat(r.exitCode()).as(r.describe()).isZero();
        }
        return new Path[] {cert, key};
    }
}
