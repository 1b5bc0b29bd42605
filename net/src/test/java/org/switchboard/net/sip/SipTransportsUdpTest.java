package org.switchboard.net.sip;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class SipTransportsUdpTest {

    private final Inbox inbox = new Inbox();
    private SipTransports transports;
    private DatagramSocket client;

    private void start(SipTransportConfig.Builder config) throws Exception {
        transports = SipTransports.start(config.sipPort(0).transports(EnumSet.of(Transport.UDP, Transport.TCP))
                .ioThreads(2).build(), inbox);
        client = new DatagramSocket(new InetSocketAddress(config.build().bindAddress(), 0));
        client.setSoTimeout(5_000);
    }

    private void start() throws Exception {
        start(SipTransportConfig.builder().bindAddress("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (transports != null) transports.close();
    }

    private void sendFromClient(byte[] data) throws Exception {
        client.send(new DatagramPacket(data, data.length, transports.localAddress(Transport.UDP)));
    }

    private DatagramPacket receiveOnClient() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        client.receive(p);
        return p;
    }

    @Test
    void portZeroBindsEphemeralPortsAndReportsThem() throws Exception {
        start();
        InetSocketAddress udp = transports.localAddress(Transport.UDP);
        assertThat(udp.getPort()).isPositive();
        assertThat(udp.getAddress()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(transports.localAddress(Transport.TCP).getPort()).isEqualTo(udp.getPort());
        assertThat(transports.localAddresses()).containsOnlyKeys(Transport.UDP, Transport.TCP);
    }

    @Test
    void roundTripDeliversExactFlowAndRepliesFromTheListeningSocket() throws Exception {
        start();
        sendFromClient(Inbox.options("u1").getBytes(US_ASCII));
        Inbox.Received in = inbox.next();
        assertThat(in.text()).isEqualTo(Inbox.options("u1"));
        assertThat(in.flow()).isEqualTo(new Flow(Transport.UDP, transports.localAddress(Transport.UDP),
                (InetSocketAddress) client.getLocalSocketAddress()));

        List<Object> results = new CopyOnWriteArrayList<>();
        transports.send(in.flow(), Inbox.response("u1").getBytes(US_ASCII), (flow, error) -> results.add(error == null ? flow : error));
        DatagramPacket reply = receiveOnClient();
        assertThat(new String(reply.getData(), 0, reply.getLength(), US_ASCII)).isEqualTo(Inbox.response("u1"));
        assertThat(reply.getSocketAddress()).isEqualTo(transports.localAddress(Transport.UDP));
        await().until(() -> results.size() == 1);
        assertThat(results).containsExactly(in.flow());

        transports.send(Transport.UDP, in.flow().remote(), Inbox.options("u2").getBytes(US_ASCII), null);
        DatagramPacket request = receiveOnClient();
        assertThat(new String(request.getData(), 0, request.getLength(), US_ASCII)).isEqualTo(Inbox.options("u2"));
        await().untilAsserted(() -> {
            SipTransportStats.Counts udp = transports.stats().of(Transport.UDP);
            assertThat(udp.messagesIn()).isEqualTo(1);
            assertThat(udp.messagesOut()).isEqualTo(2);
            assertThat(udp.bytesIn()).isEqualTo(Inbox.options("u1").length());
        });
    }

    @Test
    void keepAlivesAreDroppedAndCounted() throws Exception {
        start();
        sendFromClient(new byte[0]);
        sendFromClient("\r\n\r\n".getBytes(US_ASCII));
        sendFromClient(Inbox.options("after").getBytes(US_ASCII));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("after"));
        assertThat(transports.stats().of(Transport.UDP).keepAlives()).isEqualTo(2);
    }

    @Test
    void datagramOverTheLimitIsDropped() throws Exception {
        start(SipTransportConfig.builder().bindAddress("127.0.0.1").maxMessageSize(1_000));
        sendFromClient(("INFO sip:a@b SIP/2.0\r\nX: " + "y".repeat(1_200) + "\r\nContent-Length: 0\r\n\r\n").getBytes(US_ASCII));
        sendFromClient(Inbox.options("small").getBytes(US_ASCII));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("small"));
        assertThat(inbox.isEmpty()).isTrue();
        assertThat(transports.stats().of(Transport.UDP).oversizeDrops()).isEqualTo(1);
    }

    @Test
    void largestDatagramWithinTheLimitIsDeliveredWhole() throws Exception {
        start();
        String big = "INFO sip:a@b SIP/2.0\r\nContent-Length: 60000\r\n\r\n" + "b".repeat(60_000);
        sendFromClient(big.getBytes(US_ASCII));
        assertThat(inbox.next().text()).isEqualTo(big);
    }

    @Test
    void stunBindingRequestIsAnsweredWithTheMappedAddress() throws Exception {
        start();
        ByteBuffer req = ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(StunBinding.MAGIC_COOKIE)
                .put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        sendFromClient(req.array());
        ByteBuffer resp = ByteBuffer.wrap(receiveOnClient().getData());
        assertThat(resp.getShort(0)).isEqualTo((short) 0x0101);
        assertThat(resp.getShort(20)).isEqualTo((short) 0x0020);
        int port = (resp.getShort(26) & 0xFFFF) ^ 0x2112;
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) ip[i] = (byte) (resp.get(28 + i) ^ resp.get(4 + i));
        assertThat(new InetSocketAddress(InetAddress.getByAddress(ip), port)).isEqualTo(client.getLocalSocketAddress());
        assertThat(inbox.isEmpty()).isTrue();
    }

    @Test
    void aThrowingHandlerNeitherStopsTheSocketNorEscapes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        transports = SipTransports.start(SipTransportConfig.builder().bindAddress("127.0.0.1").sipPort(0)
                .transports(EnumSet.of(Transport.UDP)).ioThreads(1).build(), (message, flow) -> {
                    if (calls.incrementAndGet() == 1) throw new IllegalStateException("stack bug");
                    inbox.onMessage(message, flow);
                });
        client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        sendFromClient(Inbox.options("boom").getBytes(US_ASCII));
        sendFromClient(Inbox.options("fine").getBytes(US_ASCII));
        assertThat(inbox.next().text()).isEqualTo(Inbox.options("fine"));
        assertThat(transports.stats().of(Transport.UDP).errors()).isEqualTo(1);
    }

    @Test
    void worksOnIpv6() throws Exception {
        start(SipTransportConfig.builder().bindAddress("::1"));
        sendFromClient(Inbox.options("v6").getBytes(US_ASCII));
        Inbox.Received in = inbox.next();
        assertThat(in.flow().remote()).isEqualTo(client.getLocalSocketAddress());
        assertThat(in.flow().remoteText()).startsWith("udp:[0:0:0:0:0:0:0:1]:");
        transports.send(in.flow(), Inbox.response("v6").getBytes(US_ASCII), null);
        assertThat(receiveOnClient().getLength()).isEqualTo(Inbox.response("v6").length());
    }

    @Test
    void aPortInUseIsAClearStartErrorAndLeavesNothingBound() throws Exception {
        try (java.net.ServerSocket tcpTaken = new java.net.ServerSocket(0, 1, InetAddress.ofLiteral("127.0.0.1"))) {
            int port = tcpTaken.getLocalPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SipTransports.start(SipTransportConfig.builder()
                            .bindAddress("127.0.0.1").sipPort(port).ioThreads(1).build(), inbox))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("cannot bind TCP 127.0.0.1:" + port);
            // The UDP socket bound before the failure was released again.
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void sendAfterCloseFailsThroughTheCallbackOnce() throws Exception {
        start();
        transports.close();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        transports.send(Transport.UDP, new InetSocketAddress("127.0.0.1", 9), new byte[] {1}, (f, e) -> errors.add(e));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("closed"));
    }

    @Test
    void aSendFromAPlatformThreadLeavesBeforeSendReturnsWithoutAHopToTheEventLoop() throws Exception {
        start();
        sendFromClient(Inbox.options("d1").getBytes(US_ASCII));
        Flow flow = inbox.next().flow();
        List<Thread> doneOn = new CopyOnWriteArrayList<>();
        transports.send(flow, Inbox.response("d1").getBytes(US_ASCII), (f, error) -> doneOn.add(Thread.currentThread()));
        if (transports.nativeTransport()) assertThat(doneOn).containsExactly(Thread.currentThread());
        DatagramPacket reply = receiveOnClient();
        assertThat(new String(reply.getData(), 0, reply.getLength(), US_ASCII)).isEqualTo(Inbox.response("d1"));
        assertThat(reply.getSocketAddress()).isEqualTo(transports.localAddress(Transport.UDP));
    }

    @Test
    void sendsFromVirtualAndConcurrentThreadsAllArriveWhole() throws Exception {
        start();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        String big = "INFO sip:a@b SIP/2.0\r\nContent-Length: 20000\r\n\r\n" + "b".repeat(20_000);
        Thread.ofVirtual().start(() -> transports.send(Transport.UDP, to, Inbox.options("virtual").getBytes(US_ASCII), null)).join();
        assertThat(text(receiveOnClient())).isEqualTo(Inbox.options("virtual"));
        transports.send(Transport.UDP, to, big.getBytes(US_ASCII), null);   // grows the thread's buffer
        assertThat(text(receiveOnClient())).isEqualTo(big);

        int threads = 4;
        int each = 25;
        List<Thread> senders = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    transports.send(Transport.UDP, to, Inbox.options(id + "-" + i).getBytes(US_ASCII), null);
                }
            }));
        }
        for (Thread t : senders) t.join();
        java.util.Set<String> got = new java.util.HashSet<>();
        for (int i = 0; i < threads * each; i++) got.add(text(receiveOnClient()));
        assertThat(got).hasSize(threads * each).contains(Inbox.options("3-24"));
    }

    @Test
    void aDatagramTheKernelRefusesFailsThroughTheCallback() throws Exception {
        start();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        byte[] tooBig = new byte[70_000];   // over the 65,507-byte limit of a UDP/IPv4 datagram
        transports.send(Transport.UDP, (InetSocketAddress) client.getLocalSocketAddress(), tooBig, (f, e) -> errors.add(e));
        await().until(() -> errors.size() == 1);
        assertThat(errors.getFirst()).isNotNull();
        assertThat(transports.stats().of(Transport.UDP).sendFailures()).isEqualTo(1);
    }

    private static String text(DatagramPacket p) { return new String(p.getData(), 0, p.getLength(), US_ASCII); }
}
