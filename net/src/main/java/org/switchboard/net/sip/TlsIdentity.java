package org.switchboard.net.sip;

import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;

/**
 * The certificate and private key that the TLS listener presents (RFC 3261 §26.3.1, RFC 5922)
 * and that outbound TLS connections offer when a peer asks for a client certificate.
 */
public sealed interface TlsIdentity {

    /** A ready key manager, e.g. loaded from a PKCS#12 key store by the caller. */
    record KeyManager(KeyManagerFactory factory) implements TlsIdentity {
        public KeyManager {
            Objects.requireNonNull(factory, "factory");
        }
    }

    /**
     * PEM files: the certificate chain (leaf first) and a PKCS#8 private key, optionally
     * encrypted with {@code keyPassword} (null when the key is not encrypted).
     */
    record PemFiles(Path certificateChain, Path privateKey, String keyPassword) implements TlsIdentity {
        public PemFiles {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        public PemFiles(Path certificateChain, Path privateKey) {
            this(certificateChain, privateKey, null);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "PemFiles[certificateChain=" + certificateChain + ", privateKey=" + privateKey
                    + ", keyPassword=" + (keyPassword == null ? "none" : "***") + "]";
        }
    }
}
