package org.switchboard.app.cli;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the one the server on this machine wrote into its data
 * directory. Stronger than CA validation for this purpose (nobody else's certificate passes,
 * whatever CA signed it), so no host name check is needed: the CLI connects by IP literal to a
 * server whose certificate it read from disk.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final byte[] pinned;
    private final Path source;

    PinnedTrustManager(X509Certificate pinned, Path source) throws CertificateEncodingException {
        this.pinned = pinned.getEncoded();
        this.source = source;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !Arrays.equals(chain[0].getEncoded(), pinned)) {
            throw new CertificateException("the server's certificate is not the one in " + source);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the admin client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
