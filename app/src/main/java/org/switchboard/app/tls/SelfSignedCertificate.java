package org.switchboard.app.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate so that SIPS and HTTPS work from the first start, before an
 * administrator brings a CA-signed one. EC P-256 with ECDSA-SHA256 (every SIP phone and
 * browser of the last decade speaks it); subject alternative names (RFC 5280 §4.2.1.6) cover
 * the SIP domain, {@code localhost}, the loopback addresses and a specific bind address, as
 * RFC 5922 §7.1 wants the domain in the SAN for SIP.
 */
public record SelfSignedCertificate(X509Certificate certificate, KeyPair keys) {

    /** Validity: long, because a phone that pinned the certificate breaks when it changes. */
    public static final Duration VALIDITY = Duration.ofDays(3650);

    /**
     * Makes a key pair and a certificate for {@code domain}.
     *
     * @param bind the bind address; added to the SAN unless it is the wildcard
     */
    public static SelfSignedCertificate generate(String domain, InetAddress bind, Instant now, SecureRandom random)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Switchboard").addRDN(BCStyle.CN, domain).build();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(domain, bind)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(certificate, keys);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the certificate: " + e.getMessage(), e);
        }
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "SelfSignedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }

    private static GeneralName[] names(String domain, InetAddress bind) {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(name(domain));
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (!bind.isAnyLocalAddress()) {
            names.add(new GeneralName(GeneralName.iPAddress, bind.getHostAddress().split("%", 2)[0]));
        }
        return names.toArray(GeneralName[]::new);
    }

    private static GeneralName name(String domain) {
        boolean ip = domain.indexOf(':') >= 0 || domain.matches("[0-9.]+");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, domain);
    }
}
