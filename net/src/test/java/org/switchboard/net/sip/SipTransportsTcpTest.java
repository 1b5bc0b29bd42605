package org.switchboard.net.sip;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class SipTransportsTcpTest {

    private final Inbox inbox = new Inbox();
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private SipTransports transports;

    private static SipTransportConfig.Builder config() {
        return SipTransportConfig.builder().bindAddress("127.0.0.1").sipPort(0)
                .transports(EnumSet.of(Transport.TCP)).ioThreads(2);
    }

    private SipTransports start(SipTransportConfig.Builder config, Inbox into) throws IOException {
        SipTransports t = SipTransports.start(config.build(), into);
        closeLater.add(t);
        return t;
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        closeLater.add(s);
        s.setTcpNoDelay(true);
        s.setSoTimeout(5_000);
        s.connect(transports.localAddress(Transport.TCP));
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeLater.reversed()) c.close();
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(US_ASCII));
        s.getOutputStream().flush();
    }

    private static String read(Socket s, int length) throws IOException {
        return new String(s.getInputStream().readNBytes(length), US_ASCII);
    }

    /** True when the server closed or reset the connection. */
    private static boolean closedByServer(Socket s) throws IOException {
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) return true;
            }
        } catch (SocketException reset) {
            return true;
        }
    }

    private SipTransportStats.Counts tcp() {
        return transports.stats().of(Transport.TCP);
    }

    @Test
    void twoMessagesInOneSegmentAreDeliveredSeparatelyWithTheConnectionFlow() throws Exception {
        transports = start(config(), inbox);
        Socket s = connect();
        write(s, Inbox.options("a") + Inbox.options("b"));
        Inbox.Received a = inbox.next();
        Inbox.Received b = inbox.next();
        assertThat(a.text()).isEqualTo(Inbox.options("a"));
        assertThat(b.text()).isEqualTo(Inbox.options("b"));
        assertThat(a.flow()).isEqualTo(new Flow(Transport.TCP, (InetSocketAddress) s.getRemoteSocketAddress(),
                (InetSocketAddress) s.getLocalSocketAddress()));
        assertThat(b.flow()).isEqualTo(a.flow());
    }

    @Test
    void aMessageSplitAcrossSegmentsIsDeliveredOnceComplete() throws Exception {
        transports = start(config(), inbox);
        Socket s = connect();
        String m = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 11\r\n\r\nhello world";
        write(s, m.substring(0, 20));
        write(s, m.substring(20, m.length() - 5));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(inbox::isEmpty);
        write(s, m.substring(m.length() - 5));
        assertThat(inbox.next().text()).isEqualTo(m);
    }

    @Test
    void keepAlivePingIsAnsweredWithPongAndNotDelivered() throws Exception {
        transports = start(config(), inbox);
        Socket s = connect();
        write(s, "\r\n\r\n");
        assertThat(read(s, 2)).isEqualTo("\r\n");
        write(s, Inbox.options("after-ping"));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("after-ping"));
        assertThat(tcp().keepAlives()).isEqualTo(1);
    }

    @Test
    void messageOverTheLimitClosesTheConnection() throws Exception {
        transports = start(config().maxMessageSize(1_000), inbox);
        Socket s = connect();
        write(s, "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n");
        assertThat(closedByServer(s)).isTrue();
        await().untilAsserted(() -> {
            assertThat(tcp().oversizeDrops()).isEqualTo(1);
            assertThat(tcp().connectionsOpen()).isZero();
        });
        assertThat(inbox.isEmpty()).isTrue();
    }

    @Test
    void missingContentLengthClosesTheConnection() throws Exception {
        transports = start(config(), inbox);
        Socket s = connect();
        write(s, "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP x\r\n\r\n");
        assertThat(closedByServer(s)).isTrue();
        await().untilAsserted(() -> assertThat(tcp().malformedDrops()).isEqualTo(1));
        assertThat(inbox.isEmpty()).isTrue();
    }

    @Test
    void repliesToAnInboundClientReuseItsConnection() throws Exception {
        transports = start(config(), inbox);
        Socket s = connect();
        write(s, Inbox.options("r"));
        Flow flow = inbox.next().flow();

        CompletableFuture<Flow> sent = new CompletableFuture<>();
        transports.send(flow, Inbox.response("r").getBytes(US_ASCII), (f, e) -> {
            if (e == null) sent.complete(f); else sent.completeExceptionally(e);
        });
        assertThat(read(s, Inbox.response("r").length())).isEqualTo(Inbox.response("r"));
        assertThat(sent.get(5, TimeUnit.SECONDS)).isEqualTo(flow);

        // A new request to the client's address goes on the same connection (RFC 5923).
        transports.send(Transport.TCP, flow.remote(), Inbox.options("again").getBytes(US_ASCII), null);
        assertThat(read(s, Inbox.options("again").length())).isEqualTo(Inbox.options("again"));
        await().untilAsserted(() -> assertThat(tcp().messagesOut()).isEqualTo(2));
        assertThat(tcp().connectionsOpen()).isEqualTo(1);
    }

    @Test
    void theThirtyThirdConnectionFromOneAddressIsRefused() throws Exception {
        transports = start(config(), inbox);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 32; i++) sockets.add(connect());
        await().untilAsserted(() -> assertThat(tcp().connectionsOpen()).isEqualTo(32));
        Socket extra = connect();
        assertThat(closedByServer(extra)).isTrue();
        assertThat(tcp().connectionsRefused()).isEqualTo(1);
        assertThat(tcp().connectionsOpen()).isEqualTo(32);
        write(sockets.getFirst(), "\r\n\r\n");
        assertThat(read(sockets.getFirst(), 2)).isEqualTo("\r\n");
        // A slot freed by a close is available again.
        sockets.getLast().close();
        await().untilAsserted(() -> assertThat(tcp().connectionsOpen()).isEqualTo(31));
        Socket again = connect();
        write(again, Inbox.options("slot"));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("slot"));
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        transports = start(config().idleTimeout(Duration.ofMillis(300)), inbox);
        Socket s = connect();
        write(s, Inbox.options("then-silence"));
        inbox.next();
        assertThat(closedByServer(s)).isTrue();
        await().untilAsserted(() -> assertThat(tcp().connectionsOpen()).isZero());
    }

    @Test
    void connectionWithoutACompleteFirstMessageIsClosed() throws Exception {
        transports = start(config().firstMessageTimeout(Duration.ofMillis(300)), inbox);
        Socket s = connect();
        write(s, "OPTIONS sip:slow@b SIP/2.0\r\n");
        assertThat(closedByServer(s)).isTrue();
        assertThat(inbox.isEmpty()).isTrue();
    }

    @Test
    void firstMessageTimerStopsOnceAMessageArrived() throws Exception {
        transports = start(config().firstMessageTimeout(Duration.ofMillis(200)), inbox);
        Socket s = connect();
        write(s, Inbox.options("in-time"));
        inbox.next();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(tcp().connectionsOpen()).isEqualTo(1));
    }

    @Test
    void outboundConnectionIsOpenedThenReusedBothWays() throws Exception {
        Inbox remoteInbox = new Inbox();
        SipTransports remote = start(config(), remoteInbox);
        transports = start(config(), inbox);
        InetSocketAddress remoteAddress = remote.localAddress(Transport.TCP);

        CompletableFuture<Flow> first = new CompletableFuture<>();
        transports.send(Transport.TCP, remoteAddress, Inbox.options("o1").getBytes(US_ASCII), (f, e) -> {
            if (e == null) first.complete(f); else first.completeExceptionally(e);
        });
        // Sent while the connection may still be opening: must wait for it, not open a second one.
        transports.send(Transport.TCP, remoteAddress, Inbox.options("o2").getBytes(US_ASCII), null);
        Flow ours = first.get(5, TimeUnit.SECONDS);
        assertThat(ours.remote()).isEqualTo(remoteAddress);

        Inbox.Received r1 = remoteInbox.next();
        Inbox.Received r2 = remoteInbox.next();
        assertThat(List.of(r1.text(), r2.text())).containsExactly(Inbox.options("o1"), Inbox.options("o2"));
        assertThat(r1.flow().remote()).isEqualTo(ours.local());

        remote.send(r1.flow(), Inbox.response("o1").getBytes(US_ASCII), null);
        Inbox.Received reply = inbox.next();
        assertThat(reply.text()).isEqualTo(Inbox.response("o1"));
        assertThat(reply.flow()).isEqualTo(ours);
        assertThat(transports.stats().of(Transport.TCP).connectionsOpen()).isEqualTo(1);
        assertThat(remote.stats().of(Transport.TCP).connectionsOpen()).isEqualTo(1);
    }

    @Test
    void sendOnAFlowWhoseConnectionIsGoneOpensANewOne() throws Exception {
        transports = start(config(), inbox);
        try (ServerSocket peer = new ServerSocket(0, 10, java.net.InetAddress.ofLiteral("127.0.0.1"))) {
            peer.setSoTimeout(5_000);
            CompletableFuture<Flow> sent = new CompletableFuture<>();
            transports.send(Transport.TCP, (InetSocketAddress) peer.getLocalSocketAddress(),
                    Inbox.options("c1").getBytes(US_ASCII), (f, e) -> sent.complete(f));
            try (Socket first = peer.accept()) {
                assertThat(read(first, Inbox.options("c1").length())).isEqualTo(Inbox.options("c1"));
            }
            Flow flow = sent.get(5, TimeUnit.SECONDS);
            await().untilAsserted(() -> assertThat(tcp().connectionsOpen()).isZero());
            transports.send(flow, Inbox.options("c2").getBytes(US_ASCII), null);
            try (Socket second = peer.accept()) {
                second.setSoTimeout(5_000);
                assertThat(read(second, Inbox.options("c2").length())).isEqualTo(Inbox.options("c2"));
            }
        }
    }

    @Test
    void connectFailureIsReportedOnceThroughTheCallback() throws Exception {
        transports = start(config(), inbox);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.ofLiteral("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        transports.send(Transport.TCP, new InetSocketAddress("127.0.0.1", closedPort), new byte[] {'x'},
                (f, e) -> errors.add(e));
        await().until(() -> !errors.isEmpty());
        await().during(Duration.ofMillis(100)).until(() -> errors.size() == 1);
        assertThat(errors.getFirst()).isInstanceOf(java.net.ConnectException.class);
        assertThat(tcp().sendFailures()).isEqualTo(1);
    }
}
