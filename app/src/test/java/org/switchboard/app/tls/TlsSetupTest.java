package org.switchboard.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.config.ConfigException;
import org.switchboard.app.config.ConfigLoader;
import org.switchboard.app.config.SwitchboardConfig;

class TlsSetupTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    @TempDir Path data;

    @Test
    void firstStartGeneratesAPrivateKeyAndACertificateNamingTheDomain() throws Exception {
        SwitchboardConfig config = config(Map.of("domain", "pbx.example.com", "bind", "127.0.0.1"));

        TlsMaterial tls = TlsSetup.prepare(config, CLOCK, new SecureRandom());

        Path dir = data.resolve("tls");
        assertThat(tls.certificateFile()).isEqualTo(dir.resolve("cert.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cert.pem", "key.pem");
        }

        X509Certificate certificate = parse(dir.resolve("cert.pem"));
        certificate.checkValidity(java.util.Date.from(CLOCK.instant()));
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=pbx.example.com");
        assertThat(subjectAltNames(certificate)).contains("pbx.example.com", "localhost", "127.0.0.1");
        assertThat(tls.certificate()).isEqualTo(certificate);
        assertThat(tls.serverContext().getProtocol()).isEqualTo("TLS");
        assertThat(tls.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void laterStartsReuseTheCertificate() throws Exception {
        SwitchboardConfig config = config(Map.of("domain", "pbx.example.com"));
        X509Certificate first = TlsSetup.prepare(config, CLOCK, new SecureRandom()).certificate();
        X509Certificate second = TlsSetup.prepare(config, CLOCK, new SecureRandom()).certificate();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theAdministratorsOwnCertificateIsUsed() throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.generate("own.example.com", InetAddress.ofLiteral("0.0.0.0"),
                CLOCK.instant(), new SecureRandom());
        Files.writeString(data.resolve("own.pem"), PemFiles.encode(own.certificate()));
        Files.writeString(data.resolve("own.key"), PemFiles.encode(own.keys().getPrivate()));
        Files.writeString(data.resolve("switchboard.yaml"), "tls:\n  certificate: own.pem\n  private-key: own.key\n");

        TlsMaterial tls = TlsSetup.prepare(config(Map.of()), CLOCK, new SecureRandom());

        assertThat(tls.certificate()).isEqualTo(own.certificate());
        assertThat(data.resolve("tls")).doesNotExist();
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        SecureRandom random = new SecureRandom();
        InetAddress any = InetAddress.ofLiteral("0.0.0.0");
        SelfSignedCertificate one = SelfSignedCertificate.generate("one.example.com", any, CLOCK.instant(), random);
        SelfSignedCertificate other = SelfSignedCertificate.generate("other.example.com", any, CLOCK.instant(), random);
        Files.writeString(data.resolve("one.pem"), PemFiles.encode(one.certificate()));
        Files.writeString(data.resolve("other.key"), PemFiles.encode(other.keys().getPrivate()));
        Files.writeString(data.resolve("switchboard.yaml"), "tls:\n  certificate: one.pem\n  private-key: other.key\n");

        assertThatThrownBy(() -> TlsSetup.prepare(config(Map.of()), CLOCK, random))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tls.private-key: ")
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void unusableFilesAreExplained() throws Exception {
        Files.writeString(data.resolve("switchboard.yaml"), "tls:\n  certificate: missing.pem\n  private-key: key.pem\n");
        assertThatThrownBy(() -> TlsSetup.prepare(config(Map.of()), CLOCK, new SecureRandom()))
                .hasMessageStartingWith("tls.certificate: cannot use").hasMessageContaining("does not exist");

        SelfSignedCertificate own = SelfSignedCertificate.generate("own.example.com", InetAddress.ofLiteral("0.0.0.0"),
                CLOCK.instant(), new SecureRandom());
        Files.writeString(data.resolve("missing.pem"), PemFiles.encode(own.certificate()));
        Files.writeString(data.resolve("key.pem"), """
                -----BEGIN ENCRYPTED PRIVATE KEY-----
                MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIB1u5EJ5F0D4CAggA
                -----END ENCRYPTED PRIVATE KEY-----
                """);
        assertThatThrownBy(() -> TlsSetup.prepare(config(Map.of()), CLOCK, new SecureRandom()))
                .hasMessageStartingWith("tls.private-key: cannot use");

        Files.writeString(data.resolve("key.pem"), "not a key\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> TlsSetup.prepare(config(Map.of()), CLOCK, new SecureRandom()))
                .hasMessageContaining("holds no '-----BEGIN PRIVATE KEY-----' block");
    }

    private SwitchboardConfig config(Map<String, String> flags) throws ConfigException {
        return new ConfigLoader(() -> "testhost").load(data, flags);
    }

    private static X509Certificate parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static List<String> subjectAltNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    }
}
