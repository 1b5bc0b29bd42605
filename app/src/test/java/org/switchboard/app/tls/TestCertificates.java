package org.switchboard.app.tls;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;

/** Certificates for tests outside this package. */
public final class TestCertificates {
    private TestCertificates() { }

    /** A PEM certificate for {@code domain} whose key is thrown away. */
    public static String selfSigned(String domain) throws Exception {
        return PemFiles.encode(SelfSignedCertificate.generate(domain, InetAddress.ofLiteral("0.0.0.0"), Instant.now(),
                new SecureRandom()).certificate());
    }
}
