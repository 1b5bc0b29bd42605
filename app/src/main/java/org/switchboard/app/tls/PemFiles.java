package org.switchboard.app.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM (RFC 7468) encoding of certificates and keys. Reading accepts what administrators have:
 * PKCS#8 ({@code PRIVATE KEY}) and OpenSSL's traditional {@code RSA/EC PRIVATE KEY}; writing
 * produces PKCS#8. Errors say what the file holds and how to convert it.
 */
final class PemFiles {
    private PemFiles() { }

    static String encode(X509Certificate certificate) throws CertificateEncodingException {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    static String encode(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The certificates of {@code file}, in file order (leaf first for a chain). */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader(file))) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) chain.add(converter.getCertificate(holder));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("it is not a readable PEM certificate (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) throw new IOException("it holds no '-----BEGIN CERTIFICATE-----' block");
        return chain;
    }

    /** The first private key of {@code file}. */
    static PrivateKey readPrivateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(reader(file))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                switch (item) {
                    case PrivateKeyInfo info -> { return converter.getPrivateKey(info); }
                    case PEMKeyPair pair -> { return converter.getKeyPair(pair).getPrivate(); }
                    case PEMEncryptedKeyPair ignored -> throw encrypted();
                    case PKCS8EncryptedPrivateKeyInfo ignored -> throw encrypted();
                    default -> { }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("it is not a readable PEM private key (" + e.getMessage() + ")", e);
        }
        throw new IOException("it holds no '-----BEGIN PRIVATE KEY-----' block");
    }

    private static IOException encrypted() {
        return new IOException("the key is encrypted: store it unencrypted with"
                + " 'openssl pkey -in KEY -out PLAIN.pem' and keep that file readable by this user only");
    }

    private static Reader reader(Path file) throws IOException {
        return new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
