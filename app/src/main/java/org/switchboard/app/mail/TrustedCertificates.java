package org.switchboard.app.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the certificates of a PEM file ({@code smtp.certificate}): a mail
 * server's self-signed certificate or the private CA that issued it. The host name is still
 * checked against the certificate.
 */
final class TrustedCertificates {
    private TrustedCertificates() { }

    /** @throws IOException when the file cannot be read or holds no certificate; the message names the file */
    static SSLSocketFactory socketFactory(Path pem) throws IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + " is not a PEM certificate file: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) throw new IOException(pem + " holds no certificate");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) store.setCertificateEntry("smtp-" + i++, c);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with " + pem + ": " + e.getMessage(), e);
        }
    }
}
