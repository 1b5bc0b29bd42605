package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.PortRange;
import org.switchboard.media.rtp.RtcpMux;
import org.switchboard.media.rtp.RtpView;

/**
 * What Alice's phone receives, over real UDP on loopback, while her leg switches between
 * relaying Bob and hearing the server (music on hold, a prompt) and back, again and again: one
 * source whose sequence numbers move on by one per packet and whose timestamps never go back,
 * plain or SRTP. The bug this guards against: baresip dropped a whole prompt as "late" because
 * the server's random first sequence number fell before the relayed stream's.
 */
class NettyMediaEndpointContinuityTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long BOB_SSRC = 0x4CCA_A455L;
    private static final long BOB_ELSEWHERE = 0x0BAD_CAFEL;
    private static final long OUR_SSRC = 0x50BD_6DFCL;
    /** Bob's payload: what tells his relayed packets from the server's tone. */
    private static final byte BOB_BYTE = 0x42;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService callExecutor = Executors.newSingleThreadExecutor();
    private NettyMediaEndpoints media;
    private Phone alice;
    private Phone bob;
    private MediaEndpoint a;
    private MediaEndpoint b;
    /** Alice's phone decrypting what she gets, replay window and all; null for plain RTP. */
    private SrtpDirection aliceHears;
    /** Every RTP packet Alice got, in order, decrypted. */
    private final List<RtpView> heard = new ArrayList<>();

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    @BeforeEach
    void bridge() throws Exception {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK,
                MediaConfig.defaults().withPorts(new PortRange(24_400, 24_499))).withIoThreads(1));
        alice = closing(new Phone("127.0.0.1"));
        bob = closing(new Phone("127.0.0.1"));
        a = media.allocate("cont-a", "cont", t -> { });
        b = media.allocate("cont-b", "cont", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
    }

    private <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        media.close();
        callExecutor.shutdownNow();
    }

    private static byte[] bobPacket(int seq, long ts, long ssrc) {
        ByteBuffer p = ByteBuffer.allocate(172).put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt((int) ts)
                .putInt((int) ssrc);
        while (p.hasRemaining()) p.put(BOB_BYTE);
        return p.array();
    }

    private void bobSends(int fromSeq, int count, long ssrc) throws Exception {
        for (int i = 0; i < count; i++) {
            int seq = fromSeq + i;
            bob.send(bobPacket(seq & 0xFFFF, 160L * seq, ssrc), b.localRtp());
        }
    }

    private static boolean fromBob(RtpView v) {
        if (v.payloadLength() != 160) return false;
        for (int i = 0; i < 160; i++) {
            if (v.buffer()[v.payloadOffset() + i] != BOB_BYTE) return false;
        }
        return true;
    }

    /** Receives until {@code count} more packets of Bob's (or of the server's) arrived; keeps them all. */
    private void aliceGets(int count, boolean ofBob) throws Exception {
        int got = 0;
        while (got < count) {
            byte[] wire = alice.receive().data();
            if (RtcpMux.isRtcpType(wire[1] & 0xFF)) continue;
            byte[] plain = wire;
            if (aliceHears != null) {
                PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(wire));
                assertThat(aliceHears.unprotect(p, false)).as("packet %d authenticates, no replay", heard.size())
                        .isEqualTo(SrtpDirection.Outcome.OK);
                plain = SrtpDirectionTest.bytes(p);
            }
            RtpView v = new RtpView();
            assertThat(v.wrap(plain, 0, plain.length)).isTrue();
            heard.add(v);
            if (fromBob(v) == ofBob) got++;
        }
    }

    private MediaChannel terminate() throws Exception {
        MediaChannel channel = a.terminate(LegAudioConfig.of(G711.PCMU, 0, "switchboard@test").withSsrc(OUR_SSRC),
                callExecutor, LegAudioListener.IGNORE);
        channel.play(new ToneSource(ToneList.parse("440"), 8000, -10));
        channel.stats().toCompletableFuture().get(5, TimeUnit.SECONDS);  // the switch is applied
        return channel;
    }

    /** Relay, music, relay, prompt replacing the music, relay: the phone sees one stream. */
    private void switchBackAndForth() throws Exception {
        bobSends(319, 5, BOB_SSRC);
        aliceGets(5, true);

        MediaChannel music = terminate();
        bobSends(324, 3, BOB_SSRC);  // dropped: Alice hears the server
        aliceGets(20, false);
        music.relay().toCompletableFuture().get(5, TimeUnit.SECONDS);
        bobSends(327, 5, BOB_SSRC);  // a resumed hold: Bob's numbers barely moved
        aliceGets(5, true);

        MediaChannel again = terminate();
        aliceGets(10, false);
        MediaChannel prompt = terminate();  // replaces the music without a relay in between
        assertThat(again.isTerminated()).isFalse();
        aliceGets(10, false);
        prompt.relay().toCompletableFuture().get(5, TimeUnit.SECONDS);
        bobSends(60_000, 5, BOB_ELSEWHERE);  // Bob moved to another device meanwhile
        aliceGets(5, true);
    }

    private void assertOneContinuousStream(long ssrc, int atLeast) {
        assertThat(heard).hasSizeGreaterThanOrEqualTo(atLeast);
        for (int i = 1; i < heard.size(); i++) {
            RtpView before = heard.get(i - 1);
            RtpView now = heard.get(i);
            assertThat(now.ssrc()).as("packet %d", i).isEqualTo(ssrc);
            assertThat(now.sequence()).as("packet %d follows %d", i, i - 1).isEqualTo((before.sequence() + 1) & 0xFFFF);
            int step = (int) (now.timestamp() - before.timestamp());
            assertThat(step).as("timestamp of packet %d moves forward", i).isBetween(1, 8000 * 10);
            if (fromBob(now) != fromBob(before) && !fromBob(now)) {
                assertThat(now.marker()).as("the server's first packet of packet %d starts a talkspurt", i).isTrue();
            }
        }
    }

    @Test
    void alicesPhoneSeesOneStreamAcrossRelayServerRelayServerRelay() throws Exception {
        switchBackAndForth();
        assertOneContinuousStream(BOB_SSRC, 55);
        assertThat(heard.getFirst().sequence()).isEqualTo(319);
    }

    @Test
    void withSrtpTheOutboundContextSeesOneStreamTooAndEveryPacketAuthenticates() throws Exception {
        a.useSrtp(NettyMediaEndpointsSrtpTest.keys(1), NettyMediaEndpointsSrtpTest.keys(2));
        aliceHears = SrtpDirection.receiving(NettyMediaEndpointsSrtpTest.keys(2));
        switchBackAndForth();
        assertOneContinuousStream(BOB_SSRC, 55);
        assertThat(a.stats().dropped()).as("%s", a.stats()).isZero();
    }

    @Test
    void aStreamTheServerStartedIsContinuedByTheRelayUnderTheServersSsrc() throws Exception {
        MediaChannel greeting = terminate();
        aliceGets(10, false);
        greeting.relay().toCompletableFuture().get(5, TimeUnit.SECONDS);
        bobSends(7, 5, BOB_SSRC);
        aliceGets(5, true);
        assertOneContinuousStream(OUR_SSRC, 15);
        assertThat(greeting.config().localSsrc()).isEqualTo(OUR_SSRC);
    }

    @Test
    void aCallThatIsOnlyRelayedReachesThePhoneByteForByte() throws Exception {
        List<byte[]> sent = List.of(bobPacket(5, 800, BOB_SSRC), bobPacket(7, 1120, BOB_SSRC),
                bobPacket(6, 960, BOB_SSRC), bobPacket(40_000, 3, BOB_ELSEWHERE), bobPacket(2, 4, BOB_SSRC));
        for (byte[] p : sent) {
            bob.send(p, b.localRtp());
            assertThat(alice.receive().data()).isEqualTo(p);
        }
    }
}
