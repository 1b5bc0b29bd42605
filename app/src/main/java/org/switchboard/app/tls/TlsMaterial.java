package org.switchboard.app.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity, shared by SIPS (RFC 5630) and HTTPS: its certificate chain (leaf
 * first), private key, and the PEM file of the leaf, which the CLI pins. {@link #toString()}
 * never shows the key.
 */
public final class TlsMaterial {
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final Path certificateFile;
    private final Path privateKeyFile;
    private final KeyManagerFactory keyManagers;

    TlsMaterial(List<X509Certificate> chain, PrivateKey privateKey, Path certificateFile, Path privateKeyFile)
            throws GeneralSecurityException {
        if (chain.isEmpty()) throw new IllegalArgumentException("a certificate chain has at least one certificate");
        this.chain = List.copyOf(chain);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificateFile = Objects.requireNonNull(certificateFile, "certificateFile");
        this.privateKeyFile = Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        this.keyManagers = keyManagers(this.chain, privateKey);
    }

    /** The certificate this server presents. */
    public X509Certificate certificate() { return chain.getFirst(); }

    public List<X509Certificate> chain() { return chain; }

    /** The PEM file holding {@link #certificate()} first: what clients pin. */
    public Path certificateFile() { return certificateFile; }

    /** The PEM file of the private key (PKCS#8 or traditional, unencrypted). */
    public Path privateKeyFile() { return privateKeyFile; }

    /** Key managers for a TLS server or for client authentication. */
    public KeyManagerFactory keyManagerFactory() { return keyManagers; }

    /** A fresh server-side TLS context on these keys; callers restrict protocols to TLS 1.2+. */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    private static KeyManagerFactory keyManagers(List<X509Certificate> chain, PrivateKey key) throws GeneralSecurityException {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        store.setKeyEntry("switchboard", key, password, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + certificate().getSubjectX500Principal().getName() + ", " + certificateFile + "]";
    }
}
