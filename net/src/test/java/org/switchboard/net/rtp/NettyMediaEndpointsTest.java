package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.LatchPolicy;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeout;
import org.switchboard.media.relay.NoMediaPortsException;
import org.switchboard.media.relay.PortRange;

class NettyMediaEndpointsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NettyMediaEndpoints media;

    private NettyMediaEndpoints start(MediaConfig config) {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK, config).withIoThreads(2));
        return media;
    }

    private NettyMediaEndpoints start() {
        return start(MediaConfig.defaults().withPorts(new PortRange(23_000, 23_199)));
    }

    private Phone phone(String ip) throws Exception {
        Phone p = new Phone(ip);
        toClose.add(p);
        return p;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        if (media != null) media.close();
    }

    @Test
    void bridgedLegsRelayRtpAndRtcpBothWaysUntouched() throws Exception {
        start();
        Phone alice = phone("127.0.0.1");
        Phone bob = phone("127.0.0.1");
        MediaEndpoint a = media.allocate("call1-a", "call1", t -> { });
        MediaEndpoint b = media.allocate("call1-b", "call1", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        assertThat(media.bridge(a, b)).isTrue();

        alice.send(Phone.rtp(1), a.localRtp());
        Phone.Received atBob = bob.receive();
        assertThat(atBob.data()).isEqualTo(Phone.rtp(1));
        assertThat(atBob.from()).as("symmetric: sent from the port Bob sends to").isEqualTo(b.localRtp());

        bob.send(Phone.rtp(2), b.localRtp());
        Phone.Received atAlice = alice.receive();
        assertThat(atAlice.data()).isEqualTo(Phone.rtp(2));
        assertThat(atAlice.from()).isEqualTo(a.localRtp());

        // RTCP: Bob's SDP had no a=rtcp, so his RTCP goes to his RTP port + 1, from our RTCP port.
        try (DatagramSocket bobRtcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, bob.address().getPort() + 1))) {
            bobRtcp.setSoTimeout(5_000);
            alice.send(Phone.rtcp(7), a.localRtcp());
            java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[64], 64);
            bobRtcp.receive(p);
            assertThat(p.getLength()).isEqualTo(8);
            assertThat(p.getSocketAddress()).isEqualTo(b.localRtcp());
        }

        await().untilAsserted(() -> {
            MediaStats sa = a.stats();
            assertThat(sa.packetsIn()).isEqualTo(2);
            assertThat(sa.bytesIn()).isEqualTo(180);
            assertThat(sa.packetsOut()).isEqualTo(1);
            assertThat(sa.rtpSource()).contains(alice.address());
            assertThat(sa.lastRtp()).isPresent();
            assertThat(sa.dropped()).isZero();
        });
    }

    @Test
    void aPhoneBehindNatIsReachedAtItsLearnedSourceNotItsSdpAddress() throws Exception {
        start();
        Phone alice = phone("127.0.0.1");
        Phone bob = phone("127.0.0.1");
        MediaEndpoint a = media.allocate("nat-a", "nat", t -> { });
        MediaEndpoint b = media.allocate("nat-b", "nat", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(new InetSocketAddress("127.0.0.3", 9), null);
        media.bridge(a, b);
        bob.send(Phone.rtp(1), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(1));
        alice.send(Phone.rtp(2), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(2));
        assertThat(b.stats().rtpSource()).contains(bob.address());
    }

    @Test
    void legsOfOneCallShareAnEventLoop() throws Exception {
        start();
        for (int call = 0; call < 8; call++) {
            var a = (NettyMediaEndpoint) media.allocate("a" + call, "call" + call, t -> { });
            var b = (NettyMediaEndpoint) media.allocate("b" + call, "call" + call, t -> { });
            assertThat(a.loop()).isSameAs(b.loop());
        }
    }

    @Test
    void latchesToTheFirstSourceAndRefusesASecondOne() throws Exception {
        start();
        Phone alice = phone("127.0.0.1");
        Phone bob = phone("127.0.0.1");
        Phone attacker = phone("127.0.0.1");
        MediaEndpoint a = media.allocate("call2-a", "call2", t -> { });
        MediaEndpoint b = media.allocate("call2-b", "call2", t -> { });
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        alice.send(Phone.rtp(1), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));

        // RTP bleed while learning: the stranger is refused and counted, nothing reaches Bob.
        attacker.send(Phone.rtp(666), a.localRtp());
        for (int seq = 2; seq <= 3; seq++) {
            alice.send(Phone.rtp(seq), a.localRtp());
            assertThat(bob.receive().data()).as("the next packet Bob gets is Alice's").isEqualTo(Phone.rtp(seq));
        }
        await().untilAsserted(() -> assertThat(a.stats().foreignDrops()).isEqualTo(1));
        await().until(() -> a.stats().locked() && ((NettyMediaEndpoint) a).rtp.connected);

        // Once locked, spraying gets nowhere either (the kernel discards it now).
        attacker.send(Phone.rtp(667), a.localRtp());
        attacker.send(Phone.rtp(668), a.localRtp());
        alice.send(Phone.rtp(4), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(4));
        // ... and Bob's audio still goes to Alice, never to the stranger.
        bob.send(Phone.rtp(5), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(5));
        bob.send(Phone.rtp(6), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(6));
        assertThat(a.stats().rtpSource()).contains(alice.address());
        assertThat(a.stats().packetsIn()).isEqualTo(4);
    }

    @Test
    void aNewSdpAddressMovesTheMediaEvenAfterLock() throws Exception {
        start();
        Phone alice = phone("127.0.0.1");
        Phone bob = phone("127.0.0.1");
        Phone bobsNewDevice = phone("127.0.0.1");
        MediaEndpoint a = media.allocate("move-a", "move", t -> { });
        MediaEndpoint b = media.allocate("move-b", "move", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        for (int seq = 1; seq <= 4; seq++) {
            bob.send(Phone.rtp(seq), b.localRtp());
            assertThat(alice.receive().data()).isEqualTo(Phone.rtp(seq));
        }
        await().until(() -> b.stats().locked());

        b.expectRemote(bobsNewDevice.address(), null);
        alice.send(Phone.rtp(10), a.localRtp());
        assertThat(bobsNewDevice.receive().data()).as("sent to the new SDP address").isEqualTo(Phone.rtp(10));
        bobsNewDevice.send(Phone.rtp(11), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(11));
        assertThat(b.stats().rtpSource()).contains(bobsNewDevice.address());
    }

    @Test
    void junkDoesNotTeachTheLatchAndTheSdpHostModeRefusesOtherHosts() throws Exception {
        start(MediaConfig.defaults().withPorts(new PortRange(23_200, 23_299))
                .withLatch(new LatchPolicy(LatchPolicy.Mode.EXPECTED_IP, 3)));
        Phone alice = phone("127.0.0.1");
        Phone otherHost = phone("127.0.0.2");
        Phone bob = phone("127.0.0.1");
        MediaEndpoint a = media.allocate("call3-a", "call3", t -> { });
        MediaEndpoint b = media.allocate("call3-b", "call3", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        otherHost.send(Phone.rtp(1), a.localRtp());
        alice.send(new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xa4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8}, a.localRtp());
        alice.send(Phone.rtp(2), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(2));
        await().untilAsserted(() -> {
            MediaStats sa = a.stats();
            assertThat(sa.foreignDrops()).isEqualTo(1);
            assertThat(sa.dropped()).as("foreign host and the STUN-like datagram").isEqualTo(2);
            assertThat(sa.rtpSource()).contains(alice.address());
        });
    }

    @Test
    void exhaustedPoolGivesAClearErrorAndClosingReturnsEveryPort() throws Exception {
        start(MediaConfig.defaults().withPorts(new PortRange(23_300, 23_303)).withPortQuarantine(Duration.ZERO));
        MediaEndpoint a = media.allocate("x");
        MediaEndpoint b = media.allocate("y");
        assertThat(media.allocatedPairs()).isEqualTo(2);
        assertThat(media.pairsInUse()).containsValues("x", "y");
        assertThatThrownBy(() -> media.allocate("z"))
                .isInstanceOf(NoMediaPortsException.class)
                .hasMessageContaining("all 2 RTP port pairs of 23300-23303 are in use");

        media.bridge(a, b);
        a.close();
        a.close();
        assertThat(a.isOpen()).isFalse();
        assertThat(media.bridge(a, b)).as("a closed endpoint cannot be bridged").isFalse();
        b.close();
        await().until(() -> media.allocatedPairs() == 0);
        assertThat(media.stats()).isEmpty();
        // The sockets are really gone: the ports can be bound again.
        for (int port = 23_300; port <= 23_303; port++) {
            new DatagramSocket(new InetSocketAddress(LOOPBACK, port)).close();
        }
        MediaEndpoint again = media.allocate("w");
        assertThat(again.ports().rtp()).isBetween(23_300, 23_302);
    }

    @Test
    void aPortTakenByAnotherProgramIsSkipped() throws Exception {
        start(MediaConfig.defaults().withPorts(new PortRange(23_400, 23_403)).withPortQuarantine(Duration.ZERO));
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 23_401))) {
            MediaEndpoint e = media.allocate("leg");
            assertThat(e.ports().rtp()).isEqualTo(23_402);
            assertThat(media.allocatedPairs()).isEqualTo(1);
        }
    }

    @Test
    void bridgingMisuseIsRefused() throws Exception {
        start();
        MediaEndpoint a = media.allocate("solo");
        assertThatThrownBy(() -> media.bridge(a, a)).isInstanceOf(IllegalArgumentException.class);
        try (NettyMediaEndpoints other = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK,
                MediaConfig.defaults().withPorts(new PortRange(23_500, 23_509))).withIoThreads(1))) {
            MediaEndpoint foreign = other.allocate("foreign");
            assertThatThrownBy(() -> media.bridge(a, foreign)).hasMessageContaining("not an endpoint of this media layer");
        }
    }

    @Test
    void silentBridgedLegsTimeOutAndUnbridgedOnesDoNot() throws Exception {
        start(MediaConfig.defaults().withPorts(new PortRange(23_600, 23_699))
                .withMediaTimeout(Duration.ofMillis(200)).withSweepInterval(Duration.ofMillis(20)));
        BlockingQueue<MediaTimeout> timeouts = new LinkedBlockingQueue<>();
        MediaEndpoint ringing = media.allocate("ringing", "c0", timeouts::add);
        MediaEndpoint a = media.allocate("a", "c1", timeouts::add);
        MediaEndpoint b = media.allocate("b", "c1", timeouts::add);
        long bridgedAt = System.nanoTime();
        media.bridge(a, b);
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MediaTimeout t = timeouts.poll(5, TimeUnit.SECONDS);
            assertThat(t).isNotNull();
            assertThat(t.silence()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            silent.add(t.legId());
        }
        assertThat(System.nanoTime() - bridgedAt).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        // The ringing leg was allocated first: had it been watched, it would have been among them.
        assertThat(silent).containsExactlyInAnyOrder("a", "b");
        assertThat(ringing.isOpen()).isTrue();
    }
}
