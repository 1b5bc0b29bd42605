package org.switchboard.web;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The only connector of the web server: HTTP/1.1 over TLS 1.2 or 1.3 (RFC 8446, RFC 9325
 * §3.1.1: nothing older), with the server's own {@link SSLContext} so SIPS and HTTPS share one
 * certificate. There is deliberately no plain-HTTP connector.
 */
final class HttpsConnector {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private HttpsConnector() { }

    static ServerConnector create(Server server, HttpConfiguration base, String host, int port, SSLContext context) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        tls.setIncludeProtocols(PROTOCOLS);
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients reach the admin API by IP literal (no SNI); the certificate is pinned, not matched by name.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
