package org.switchboard.net.sip;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the JSSE contexts of SIP over TLS: TLS 1.3 and 1.2 only (RFC 8996 deprecates 1.0 and
 * 1.1; RFC 3261 §26.3.1 asks for TLS), with the JDK's default cipher suites. Outbound
 * connections check the peer's chain against {@code tlsTrust} (or the JDK's CAs) and, when the
 * remote address carries a host name, that name too (RFC 5922 §7.2, via the HTTPS rules), with
 * SNI; a bare IP literal has no name to match, so only the chain is checked then.
 */
final class TlsContexts {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() { }

    static SslContext server(TlsIdentity identity) throws IOException {
        try {
            SslContextBuilder b = switch (identity) {
                case TlsIdentity.KeyManager k -> SslContextBuilder.forServer(k.factory());
                case TlsIdentity.PemFiles p -> SslContextBuilder.forServer(
                        p.certificateChain().toFile(), p.privateKey().toFile(), p.keyPassword());
            };
            return b.sslProvider(SslProvider.JDK).protocols(PROTOCOLS).clientAuth(ClientAuth.NONE).build();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot load the TLS certificate (" + identity + "): " + e.getMessage(), e);
        }
    }

    /** Client context; {@code identity} (may be null) is offered when a server asks for a client certificate. */
    static SslContext client(TlsIdentity identity, TrustManagerFactory trust) throws IOException {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .endpointIdentificationAlgorithm(null);
            if (trust != null) b.trustManager(trust);
            switch (identity) {
                case null -> { }
                case TlsIdentity.KeyManager k -> b.keyManager(k.factory());
                case TlsIdentity.PemFiles p -> b.keyManager(p.certificateChain().toFile(), p.privateKey().toFile(),
                        p.keyPassword());
            }
            return b.build();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot set up outbound TLS: " + e.getMessage(), e);
        }
    }

    /** A client handler for {@code remote}, checking its host name when the address carries one. */
    static SslHandler clientHandler(SslContext context, ByteBufAllocator alloc, InetSocketAddress remote) {
        String host = hostName(remote);
        SslHandler handler = context.newHandler(alloc, host != null ? host : remote.getHostString(), remote.getPort());
        if (host != null) {
            SSLEngine engine = handler.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            try {
                params.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException notADnsName) {
                // no SNI for a name that DNS would not accept; the name check still runs
            }
            engine.setSSLParameters(params);
        }
        return handler;
    }

    /** The host name an address was made with, or null for a bare IP literal. */
    static String hostName(InetSocketAddress remote) {
        String host = remote.getHostString();
        if (host == null || host.isEmpty() || host.indexOf(':') >= 0) return null;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) return host;
        }
        return null;
    }
}
