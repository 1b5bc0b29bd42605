package org.switchboard.app.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.switchboard.app.tls.SelfSignedCertificate;

/**
 * Mail servers for tests on 127.0.0.1 with ephemeral ports: GreenMail's SMTP and SMTPS with one
 * user, and a certificate for {@code localhost}/{@code 127.0.0.1} that GreenMail serves and that
 * {@link #certificatePem()} lets a sender trust. GreenMail reads its key store once per JVM, so
 * every test shares this one.
 */
public final class TestMailServers {
    public static final String USER = "pbx";
    public static final String PASSWORD = "s3cret-smtp-pass";
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final Path DIR;
    private static final SSLContext SERVER_TLS;

    static {
        try {
            DIR = Files.createTempDirectory("switchboard-mail-tls");
            DIR.toFile().deleteOnExit();
            SelfSignedCertificate cert = SelfSignedCertificate.generate("localhost", InetAddress.ofLiteral("127.0.0.1"),
                    Instant.now(), new SecureRandom());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("greenmail", cert.keys().getPrivate(), STORE_PASSWORD, new Certificate[] {cert.certificate()});
            Path p12 = DIR.resolve("server.p12");
            try (OutputStream out = Files.newOutputStream(p12)) {
                store.store(out, STORE_PASSWORD);
            }
            Files.writeString(DIR.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            p12.toFile().deleteOnExit();
            DIR.resolve("server.pem").toFile().deleteOnExit();
            System.setProperty("greenmail.tls.keystore.file", p12.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(STORE_PASSWORD));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SERVER_TLS = SSLContext.getInstance("TLS");
            SERVER_TLS.init(keys.getKeyManagers(), null, null);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestMailServers() { }

    /** SMTP and SMTPS on 127.0.0.1, started, with the user {@link #USER}; stop it after the test. */
    public static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("dr@praxis.ch", USER, PASSWORD));
        mail.start();
        return mail;
    }

    /** The PEM file of the servers' certificate, for {@code smtp.certificate}. */
    public static Path certificatePem() {
        return DIR.resolve("server.pem");
    }

    /** A server-side TLS context with the same certificate, for the STARTTLS front. */
    static SSLContext serverTls() {
        return SERVER_TLS;
    }
}
