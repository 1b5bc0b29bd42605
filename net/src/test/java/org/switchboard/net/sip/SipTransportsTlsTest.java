package org.switchboard.net.sip;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class SipTransportsTlsTest {

    private static TestCertificate cert;
    private final Inbox inbox = new Inbox();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() {
        cert = TestCertificate.generate();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeLater.reversed()) c.close();
    }

    private SipTransports start(TlsIdentity identity, Inbox into) throws Exception {
        SipTransports t = SipTransports.start(SipTransportConfig.builder().bindAddress("127.0.0.1").sipPort(0).tlsPort(0)
                .transports(EnumSet.of(Transport.TCP)).tls(identity).tlsTrust(cert.trustManagerFactory())
                .ioThreads(1).build(), into);
        closeLater.add(t);
        return t;
    }

    private SSLSocket connect(SipTransports t, String protocol) throws Exception {
        SSLSocket s = (SSLSocket) cert.clientContext().getSocketFactory().createSocket();
        closeLater.add(s);
        s.setSoTimeout(5_000);
        s.connect(t.localAddress(Transport.TLS));
        s.setEnabledProtocols(new String[] {protocol});
        s.startHandshake();
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void handshakeThenMessagesBothWays(String protocol) throws Exception {
        SipTransports t = start(new TlsIdentity.KeyManager(cert.keyManagerFactory()), inbox);
        SSLSocket s = connect(t, protocol);
        assertThat(s.getSession().getProtocol()).isEqualTo(protocol);

        s.getOutputStream().write(Inbox.options("tls").getBytes(US_ASCII));
        Inbox.Received in = inbox.next();
        assertThat(in.text()).isEqualTo(Inbox.options("tls"));
        assertThat(in.flow()).isEqualTo(new Flow(Transport.TLS, (InetSocketAddress) s.getRemoteSocketAddress(),
                (InetSocketAddress) s.getLocalSocketAddress()));

        t.send(in.flow(), Inbox.response("tls").getBytes(US_ASCII), null);
        byte[] reply = s.getInputStream().readNBytes(Inbox.response("tls").length());
        assertThat(new String(reply, US_ASCII)).isEqualTo(Inbox.response("tls"));
    }

    @Test
    void tls11ClientHelloIsRefusedWithAProtocolVersionAlert() throws Exception {
        SipTransports t = start(new TlsIdentity.KeyManager(cert.keyManagerFactory()), inbox);
        try (Socket s = new Socket()) {
            s.setSoTimeout(5_000);
            s.connect(t.localAddress(Transport.TLS));
            s.getOutputStream().write(clientHello(0x0302));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] alert = new byte[7];
            in.readFully(alert);
            assertThat(alert[0]).as("record type alert").isEqualTo((byte) 21);
            assertThat(alert[5]).as("fatal").isEqualTo((byte) 2);
            assertThat(alert[6]).as("protocol_version").isEqualTo((byte) 70);
        }
        assertThat(inbox.isEmpty()).isTrue();
    }

    /** A minimal ClientHello offering only {@code version}, with no supported_versions extension. */
    private static byte[] clientHello(int version) {
        ByteBuffer body = ByteBuffer.allocate(200);
        body.putShort((short) version).put(new byte[32]).put((byte) 0);
        body.putShort((short) 4).putShort((short) 0xC013).putShort((short) 0xC009);
        body.put((byte) 1).put((byte) 0);
        body.putShort((short) 14);
        body.putShort((short) 0x000A).putShort((short) 4).putShort((short) 2).putShort((short) 0x0017);
        body.putShort((short) 0x000B).putShort((short) 2).put((byte) 1).put((byte) 0);
        int len = body.position();
        ByteBuffer record = ByteBuffer.allocate(len + 9);
        record.put((byte) 22).putShort((short) 0x0301).putShort((short) (len + 4));
        record.put((byte) 1).put((byte) 0).putShort((short) len).put(body.array(), 0, len);
        return record.array();
    }

    @Test
    void pemFilesWork(@TempDir Path dir) throws Exception {
        SipTransports t = start(cert.writePem(dir), inbox);
        SSLSocket s = connect(t, "TLSv1.3");
        s.getOutputStream().write(Inbox.options("pem").getBytes(US_ASCII));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("pem"));
    }

    @Test
    void unreadablePemIsAClearStartError(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        Path key = Files.writeString(dir.resolve("key.pem"), "not a key");
        assertThatThrownBy(() -> start(new TlsIdentity.PemFiles(cert, key, "secret"), inbox))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot load the TLS certificate")
                .hasMessageContaining("cert.pem")
                .hasMessageNotContaining("secret");
    }

    @Test
    void outboundTlsChecksTheHostNameWhenTheAddressCarriesOne() throws Exception {
        Inbox remoteInbox = new Inbox();
        SipTransports server = start(new TlsIdentity.KeyManager(cert.keyManagerFactory()), remoteInbox);
        SipTransports client = start(new TlsIdentity.KeyManager(cert.keyManagerFactory()), inbox);
        int port = server.localAddress(Transport.TLS).getPort();
        byte[] loopback = {127, 0, 0, 1};

        CompletableFuture<Throwable> wrongName = send(client, new InetSocketAddress(InetAddress.getByAddress("wrong.example", loopback), port), "bad");
        assertThat(wrongName.get(5, TimeUnit.SECONDS)).isInstanceOf(SSLHandshakeException.class);

        CompletableFuture<Throwable> rightName = send(client, new InetSocketAddress(InetAddress.getByAddress("localhost", loopback), port), "good");
        assertThat(rightName.get(5, TimeUnit.SECONDS)).isNull();
        Inbox.Received in = remoteInbox.next();
        assertThat(in.text()).isEqualTo(Inbox.options("good"));
        assertThat(in.flow().transport()).isEqualTo(Transport.TLS);
    }

    @Test
    void outboundTlsRefusesAnUntrustedServer() throws Exception {
        SipTransports server = start(new TlsIdentity.KeyManager(cert.keyManagerFactory()), inbox);
        SipTransports client = SipTransports.start(SipTransportConfig.builder().bindAddress("127.0.0.1").sipPort(0)
                .transports(EnumSet.of(Transport.UDP)).ioThreads(1).build(), new Inbox());
        closeLater.add(client);
        CompletableFuture<Throwable> result = send(client, server.localAddress(Transport.TLS), "untrusted");
        assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(SSLHandshakeException.class);
        assertThat(inbox.isEmpty()).isTrue();
    }

    private static CompletableFuture<Throwable> send(SipTransports from, InetSocketAddress to, String tag) {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        from.send(Transport.TLS, to, Inbox.options(tag).getBytes(US_ASCII), (f, e) -> done.complete(e));
        return done;
    }
}
