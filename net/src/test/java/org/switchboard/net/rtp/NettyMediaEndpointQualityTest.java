package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.PortRange;
import org.switchboard.media.rtp.NtpTime;
import org.switchboard.media.rtp.RtcpPacket;
import org.switchboard.media.rtp.RtcpParseResult;
import org.switchboard.media.rtp.RtcpParser;
import org.switchboard.media.rtp.RtcpReceiverReport;
import org.switchboard.media.rtp.RtcpReportBlock;
import org.switchboard.media.rtp.RtcpSenderInfo;
import org.switchboard.media.rtp.RtcpSenderReport;

/**
 * {@link MediaEndpoint#quality()} with real sockets on loopback and fake phones that pace G.711
 * every 10 ms (80 timestamp units): loss and jitter measured on relayed legs, the phones' RTCP
 * read as it passes (and passed on untouched), the round trip between server and phone, and a
 * terminated leg's figures from its own RTCP session.
 */
class NettyMediaEndpointQualityTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long ALICE = 0xA11CEL;
    private static final long BOB = 0xB0BL;
    private static final long OUR_SSRC = 0x5EC0_0002L;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    private final ExecutorService callExecutor = Executors.newSingleThreadExecutor();
    private NettyMediaEndpoints media;

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    private void start() {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK, MediaConfig.defaults()
                .withPorts(new PortRange(23_700, 23_799))).withIoThreads(2));
    }

    private Phone phone() throws Exception {
        Phone p = new Phone("127.0.0.1");
        toClose.add(p);
        return p;
    }

    @AfterEach
    void stop() throws Exception {
        pacer.shutdownNow();
        callExecutor.shutdownNow();
        for (AutoCloseable c : toClose) c.close();
        if (media != null) media.close();
    }

    /** A 10 ms G.711 packet: 12-byte header and 80 bytes of audio. */
    private static byte[] rtp(long ssrc, int seq) {
        ByteBuffer b = ByteBuffer.allocate(92);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(80_000 + 80 * seq).putInt((int) ssrc);
        return b.array();
    }

    /** Sends packets 0..count-1 of a stream every 10 ms, leaving out those {@code lost} names; done once all went. */
    private CountDownLatch pace(Phone from, InetSocketAddress to, int count, IntPredicate lost, long ssrc) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                done.countDown();
                throw new IllegalStateException("done");  // ends the schedule
            }
            try {
                if (!lost.test(i)) from.send(rtp(ssrc, i), to);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        return done;
    }

    private static LegQuality quality(MediaEndpoint e) throws Exception {
        return e.quality().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static byte[] rtcp(RtcpPacket packet) {
        byte[] out = new byte[packet.length()];
        packet.writeTo(out, 0);
        return out;
    }

    /** DLSR (§6.4.1): the time since {@code sinceNanos} in 1/65536 s. */
    private static long dlsr(long sinceNanos) {
        return NtpTime.compactOfNanos(System.nanoTime() - sinceNanos);
    }

    @Test
    void aRelayedLegShowsTheLossOfItsPhoneAndASteadyStreamHasNoJitter() throws Exception {
        start();
        Phone alice = phone();
        Phone bob = phone();
        MediaEndpoint a = media.allocate("q-a", "q", t -> { });
        MediaEndpoint b = media.allocate("q-b", "q", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        a.describe(0, 8000);
        b.describe(0, 8000);
        media.bridge(a, b);

        // one packet in twenty of Alice's is lost on its way to the server
        CountDownLatch aliceDone = pace(alice, a.localRtp(), 200, i -> i % 20 == 7, ALICE);
        CountDownLatch bobDone = pace(bob, b.localRtp(), 200, i -> false, BOB);
        assertThat(aliceDone.await(10, TimeUnit.SECONDS) && bobDone.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> a.stats().packetsIn() == 190 && b.stats().packetsIn() == 200);

        LegQuality qa = quality(a);
        LegQuality qb = quality(b);
        assertThat(qa.mode()).isEqualTo(LegQuality.Mode.RELAYED);
        assertThat(qa.packetsLost()).isEqualTo(10);
        assertThat(qa.lossPercent()).as("10 of 199 counted after probation").isCloseTo(5.0, within(0.5));
        assertThat(qb.packetsLost()).isZero();
        assertThat(qb.lossPercent()).isZero();
        assertThat(qb.jitterMillis().orElseThrow()).as("paced by a timer: steady, give or take the scheduler")
                .isLessThan(5.0);
        assertThat(qa.counters().packetsIn()).isEqualTo(190);
        assertThat(qa.counters().packetsOut()).isEqualTo(200);
        assertThat(qa.counters().srtp()).isFalse();
        assertThat(qa.roundTripMillis()).isEmpty();
        assertThat(qa.phoneReport()).isEmpty();
    }

    @Test
    void aPhonesReportAndTheRoundTripAreReadFromRtcpThatPassesUntouched() throws Exception {
        start();
        Phone aliceRtp = phone();
        Phone aliceRtcp = phone();
        Phone bobRtp = phone();
        Phone bobRtcp = phone();
        MediaEndpoint a = media.allocate("r-a", "r", t -> { });
        MediaEndpoint b = media.allocate("r-b", "r", t -> { });
        a.expectRemote(aliceRtp.address(), aliceRtcp.address());
        b.expectRemote(bobRtp.address(), bobRtcp.address());
        a.describe(0, 8000);
        b.describe(0, 8000);
        media.bridge(a, b);
        for (int i = 0; i < 5; i++) aliceRtp.send(rtp(ALICE, i), a.localRtp());
        await().until(() -> a.stats().packetsIn() == 5);

        long ntp = NtpTime.fromUnixMillis(System.currentTimeMillis());
        byte[] sr = rtcp(new RtcpSenderReport(ALICE, new RtcpSenderInfo(ntp, 80_400, 5, 400), List.of()));
        aliceRtcp.send(sr, a.localRtcp());
        Phone.Received srAtBob = bobRtcp.receive();
        long srArrived = System.nanoTime();
        assertThat(srAtBob.data()).isEqualTo(sr);
        // Bob got 25% of Alice's packets lost, 12 in all, 30 ms of jitter (240 units at 8 kHz)
        byte[] rr = rtcp(new RtcpReceiverReport(BOB, List.of(
                new RtcpReportBlock(ALICE, 64, 12, 4, 240, NtpTime.middle32(ntp), dlsr(srArrived)))));
        bobRtcp.send(rr, b.localRtcp());
        assertThat(aliceRtcp.receive().data()).as("relayed untouched").isEqualTo(rr);

        LegQuality qb = quality(b);
        LegQuality.PhoneReport report = qb.phoneReport().orElseThrow();
        assertThat(report.lossPercent()).isEqualTo(25.0);
        assertThat(report.packetsLost()).isEqualTo(12);
        assertThat(report.jitterMillis()).hasValue(30.0);
        assertThat(qb.roundTripMillis().orElseThrow()).as("server to Bob and back, on loopback").isBetween(0.0, 200.0);
        LegQuality qa = quality(a);
        assertThat(qa.phoneReport()).as("Alice reported nothing").isEmpty();
        assertThat(qa.roundTripMillis()).isEmpty();
    }

    @Test
    void aTerminatedLegShowsItsRtcpSessionsFiguresAndRelayingAgainCountsNoGap() throws Exception {
        start();
        Phone phoneRtp = phone();
        Phone phoneRtcp = phone();
        MediaEndpoint e = media.allocate("t-a", "t", t -> { });
        e.expectRemote(phoneRtp.address(), phoneRtcp.address());
        e.describe(0, 8000);
        CountDownLatch sent = pace(phoneRtp, e.localRtp(), 500, i -> false, ALICE);
        await().until(() -> e.stats().packetsIn() >= 20);
        MediaChannel channel = e.terminate(LegAudioConfig.of(G711.PCMU, 0, "switchboard@test").withSsrc(OUR_SSRC),
                callExecutor, LegAudioListener.IGNORE);
        channel.play(new ToneSource(ToneList.parse("440"), 8000, -10));

        // our first SR comes 1.25-3.75 s in (RFC 3550 §6.3.1, A.7); the phone answers it at once
        RtcpSenderReport ours = null;
        long arrived = 0;
        while (ours == null) {
            byte[] got = phoneRtcp.receive().data();
            arrived = System.nanoTime();
            if (RtcpParser.parse(got) instanceof RtcpParseResult.Parsed p && p.packets().getFirst() instanceof RtcpSenderReport s) {
                ours = s;
            }
        }
        assertThat(ours.ssrc()).isEqualTo(OUR_SSRC);
        phoneRtcp.send(rtcp(new RtcpReceiverReport(ALICE, List.of(new RtcpReportBlock(OUR_SSRC, 0, 0, 100, 16,
                NtpTime.middle32(ours.senderInfo().ntpTimestamp()), dlsr(arrived))))), e.localRtcp());

        await().untilAsserted(() -> {
            LegQuality q = quality(e);
            assertThat(q.mode()).isEqualTo(LegQuality.Mode.TERMINATED);
            assertThat(q.roundTripMillis()).as("from our own SR").isPresent();
            assertThat(q.phoneReport().orElseThrow().jitterMillis()).hasValue(2.0);
        });
        assertThat(quality(e).roundTripMillis().getAsDouble()).isBetween(0.0, 200.0);

        channel.relay().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> e.stats().packetsIn() >= 500);
        LegQuality relayed = quality(e);
        assertThat(relayed.mode()).isEqualTo(LegQuality.Mode.RELAYED);
        assertThat(relayed.packetsLost()).as("the packets the server took while terminated are no gap").isZero();
    }

    @Test
    void anSrtpLegIsMeasuredOnItsDecryptedPackets() throws Exception {
        start();
        Phone alice = phone();
        Phone bob = phone();
        MediaEndpoint a = media.allocate("s-a", "s", t -> { });
        MediaEndpoint b = media.allocate("s-b", "s", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        a.useSrtp(NettyMediaEndpointsSrtpTest.keys(1), NettyMediaEndpointsSrtpTest.keys(2));
        a.describe(0, 8000);
        media.bridge(a, b);
        SrtpDirection aliceSends = SrtpDirection.sending(NettyMediaEndpointsSrtpTest.keys(1));

        for (int i = 0; i < 60; i++) {
            if (i == 30) continue;
            PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(rtp(ALICE, i)));
            aliceSends.protect(p, false);
            alice.send(SrtpDirectionTest.bytes(p), a.localRtp());
        }
        await().until(() -> a.stats().packetsIn() == 59);

        LegQuality q = quality(a);
        assertThat(q.counters().srtp()).isTrue();
        assertThat(q.packetsLost()).isEqualTo(1);
    }

    @Test
    void aFormatOutOfRangeIsRefusedOnTheCallersThread() throws Exception {
        start();
        MediaEndpoint e = media.allocate("bad", "bad", t -> { });
        assertThatThrownBy(() -> e.describe(-1, 8000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload type -1");
        assertThatThrownBy(() -> e.describe(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(quality(e).jitterMillis()).as("no format, no jitter").isEmpty();
    }
}
