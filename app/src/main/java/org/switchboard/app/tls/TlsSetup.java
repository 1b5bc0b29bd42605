package org.switchboard.app.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.config.ConfigException;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.app.files.AtomicFiles;

/**
 * Finds the server's TLS identity: the administrator's files ({@code tls.certificate},
 * {@code tls.private-key}) when configured, else {@code DATA/tls/cert.pem} and {@code key.pem},
 * generated on first start (key {@code 0600} in a {@code 0700} directory). Any problem is a
 * {@link ConfigException} that names the file and the fix.
 */
public final class TlsSetup {
    public static final String DIRECTORY = "tls";
    public static final String CERTIFICATE_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);

    private TlsSetup() { }

    /** The configured, existing or newly generated TLS identity of {@code config}. */
    public static TlsMaterial prepare(SwitchboardConfig config, Clock clock, SecureRandom random) throws ConfigException {
        if (config.tls().certificate().isPresent()) {
            return load(config.tls().certificate().get(), config.tls().privateKey().orElseThrow(),
                    "tls.certificate", "tls.private-key", config, clock);
        }
        Path dir = config.dataDir().resolve(DIRECTORY);
        Path certificate = dir.resolve(CERTIFICATE_FILE);
        Path key = dir.resolve(KEY_FILE);
        if (!Files.exists(certificate) && !Files.exists(key)) generate(config, dir, certificate, key, clock, random);
        return load(certificate, key, certificate + " (delete " + dir + " to generate a new one)",
                key + " (delete " + dir + " to generate a new one)", config, clock);
    }

    private static void generate(SwitchboardConfig config, Path dir, Path certificate, Path key, Clock clock,
                                 SecureRandom random) throws ConfigException {
        try {
            SelfSignedCertificate generated = SelfSignedCertificate.generate(config.domain(), config.bind(), clock.instant(), random);
            AtomicFiles.createPrivateDirectory(dir);
            AtomicFiles.writeOwnerOnly(key, PemFiles.encode(generated.keys().getPrivate()).getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.writeReadable(certificate, PemFiles.encode(generated.certificate()).getBytes(StandardCharsets.US_ASCII));
            LOG.info("Generated a self-signed TLS certificate for {} in {}", config.domain(), dir);
        } catch (IOException e) {
            throw new ConfigException("cannot write the TLS certificate into " + dir + ": " + e.getMessage()
                    + ": check that the data directory is writable");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot generate a TLS certificate: " + e.getMessage());
        }
    }

    private static TlsMaterial load(Path certificateFile, Path keyFile, String certificateName, String keyName,
                                    SwitchboardConfig config, Clock clock) throws ConfigException {
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = PemFiles.readCertificates(certificateFile);
        } catch (IOException e) {
            throw new ConfigException(certificateName + ": cannot use " + certificateFile + ": " + message(e));
        }
        try {
            key = PemFiles.readPrivateKey(keyFile);
        } catch (IOException e) {
            throw new ConfigException(keyName + ": cannot use " + keyFile + ": " + message(e));
        }
        if (!belongTogether(chain.getFirst(), key)) {
            throw new ConfigException(keyName + ": the key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + ": give the matching pair");
        }
        warnIfUnfit(chain.getFirst(), config, clock.instant(), certificateFile);
        try {
            return new TlsMaterial(chain, key, certificateFile, keyFile);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(certificateName + ": the JDK refuses this certificate and key: " + e.getMessage());
        }
    }

    /** Signs and verifies a probe: works for every key type without decoding it. */
    private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "ED25519", "ED448", "EDDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) return true; // unknown type: let the TLS handshake judge
        try {
            byte[] probe = "switchboard".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void warnIfUnfit(X509Certificate certificate, SwitchboardConfig config, Instant now, Path file) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            LOG.warn("The TLS certificate {} expired on {}: phones and browsers will refuse it", file,
                    certificate.getNotAfter().toInstant());
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            boolean covered = names != null && names.stream().anyMatch(n -> config.domain().equalsIgnoreCase(String.valueOf(n.get(1))));
            if (!covered) {
                LOG.warn("The TLS certificate {} does not name the SIP domain {}: SIPS clients may refuse it", file,
                        config.domain());
            }
        } catch (CertificateParsingException e) {
            LOG.warn("The TLS certificate {} has unreadable subject alternative names", file);
        }
    }

    private static String message(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "the file does not exist" : e.getMessage();
    }
}
