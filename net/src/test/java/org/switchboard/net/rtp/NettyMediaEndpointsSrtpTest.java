package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.PortRange;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.relay.SrtpSuite;

/**
 * The relay with SRTP terminated on one leg: Alice's phone speaks SRTP with its own key, Bob's
 * plain RTP; the server decrypts, relays and encrypts with its key for Alice.
 */
class NettyMediaEndpointsSrtpTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Alice's key: what her phone encrypts with, so what the server decrypts with. */
    private static final SrtpKeys ALICE = keys(1);
    /** The server's key towards Alice: what it encrypts with, what her phone decrypts with. */
    private static final SrtpKeys SERVER = keys(2);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NettyMediaEndpoints media;
    private Phone alice;
    private Phone bob;
    private MediaEndpoint a;
    private MediaEndpoint b;
    /** Alice's phone: encrypts what she sends, decrypts what she gets. */
    private SrtpDirection aliceSends;
    private SrtpDirection aliceHears;

    static SrtpKeys keys(int fill) {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        Arrays.fill(key, (byte) fill);
        Arrays.fill(salt, (byte) (fill + 100));
        return new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, salt);
    }

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    @BeforeEach
    void bridge() throws Exception {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK,
                MediaConfig.defaults().withPorts(new PortRange(23_400, 23_499))).withIoThreads(1));
        alice = new Phone("127.0.0.1");
        bob = new Phone("127.0.0.1");
        toClose.add(alice);
        toClose.add(bob);
        a = media.allocate("srtp-a", "srtp", t -> { });
        b = media.allocate("srtp-b", "srtp", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        a.useSrtp(ALICE, SERVER);
        media.bridge(a, b);
        aliceSends = SrtpDirection.sending(ALICE);
        aliceHears = SrtpDirection.receiving(SERVER);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        media.close();
    }

    private byte[] encrypt(byte[] plain) {
        ByteBuf buf = Unpooled.buffer(plain.length + SrtpDirection.MAX_GROWTH).writeBytes(plain);
        PacketBuffer p = PacketBuffer.of(buf);
        assertThat(aliceSends.protect(p, false)).isEqualTo(SrtpDirection.Outcome.OK);
        return SrtpDirectionTest.bytes(p);
    }

    private byte[] decrypt(byte[] wire) {
        PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(wire));
        assertThat(aliceHears.unprotect(p, false)).isEqualTo(SrtpDirection.Outcome.OK);
        return SrtpDirectionTest.bytes(p);
    }

    @Test
    void srtpFromAlicesPhoneReachesBobAsPlainRtpAndBackEncrypted() throws Exception {
        alice.send(encrypt(Phone.rtp(1)), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));

        bob.send(Phone.rtp(2), b.localRtp());
        byte[] wire = alice.receive().data();
        assertThat(wire).hasSize(172 + 10);
        assertThat(Arrays.copyOfRange(wire, 12, 172)).as("the payload is not sent in clear")
                .isNotEqualTo(Arrays.copyOfRange(Phone.rtp(2), 12, 172));
        assertThat(decrypt(wire)).isEqualTo(Phone.rtp(2));

        assertThat(a.stats().srtp()).isTrue();
        assertThat(b.stats().srtp()).isFalse();
    }

    @Test
    void aTamperedPacketIsDroppedAndCounted() throws Exception {
        byte[] forged = encrypt(Phone.rtp(1));
        forged[40] ^= 0x55;
        alice.send(forged, a.localRtp());
        alice.send(encrypt(Phone.rtp(2)), a.localRtp());
        assertThat(bob.receive().data()).as("only the genuine packet gets through").isEqualTo(Phone.rtp(2));
        await().untilAsserted(() -> {
            assertThat(a.stats().authFailures()).isEqualTo(1);
            assertThat(a.stats().dropped()).isEqualTo(1);
            assertThat(a.stats().packetsIn()).isEqualTo(1);
        });
    }

    @Test
    void aReplayedPacketIsDroppedAndCounted() throws Exception {
        byte[] once = encrypt(Phone.rtp(1));
        alice.send(once, a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));
        alice.send(once, a.localRtp());
        alice.send(encrypt(Phone.rtp(2)), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(2));
        await().untilAsserted(() -> assertThat(a.stats().replays()).isEqualTo(1));
    }

    @Test
    void aForgedPacketTeachesTheLatchNothing() throws Exception {
        Phone attacker = new Phone("127.0.0.1");
        toClose.add(attacker);
        attacker.send(Phone.rtp(666), a.localRtp());
        alice.send(encrypt(Phone.rtp(1)), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));
        bob.send(Phone.rtp(2), b.localRtp());
        assertThat(decrypt(alice.receive().data())).as("media still goes to Alice").isEqualTo(Phone.rtp(2));
        assertThat(a.stats().rtpSource()).contains(alice.address());
        assertThat(a.stats().authFailures()).isEqualTo(1);
    }

    @Test
    void srtcpIsDecryptedAndEncryptedToo() throws Exception {
        ByteBuf rtcp = Unpooled.buffer(8 + SrtpDirection.MAX_GROWTH).writeBytes(Phone.rtcp(0x5eed));
        PacketBuffer p = PacketBuffer.of(rtcp);
        assertThat(aliceSends.protect(p, true)).isEqualTo(SrtpDirection.Outcome.OK);
        try (java.net.DatagramSocket bobRtcp = new java.net.DatagramSocket(
                new java.net.InetSocketAddress(LOOPBACK, bob.address().getPort() + 1))) {
            bobRtcp.setSoTimeout(5_000);
            alice.send(SrtpDirectionTest.bytes(p), a.localRtcp());
            java.net.DatagramPacket got = new java.net.DatagramPacket(new byte[64], 64);
            bobRtcp.receive(got);
            assertThat(Arrays.copyOf(got.getData(), got.getLength())).isEqualTo(Phone.rtcp(0x5eed));
        }
    }

    @Test
    void newKeysTakeEffectAndTheSameKeysAgainChangeNothing() throws Exception {
        byte[] first = encrypt(Phone.rtp(1));
        alice.send(first, a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));
        a.useSrtp(ALICE, SERVER);
        alice.send(first, a.localRtp());
        alice.send(encrypt(Phone.rtp(2)), a.localRtp());
        assertThat(bob.receive().data()).as("same keys: the replay window went on").isEqualTo(Phone.rtp(2));

        SrtpKeys rekeyed = keys(3);
        a.useSrtp(rekeyed, SERVER);
        aliceSends = SrtpDirection.sending(rekeyed);
        alice.send(encrypt(Phone.rtp(3)), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(3));

        a.usePlainRtp();
        alice.send(Phone.rtp(4), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(4));
        bob.send(Phone.rtp(5), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(5));
    }

    @Test
    void bothLegsEncryptedEachWithItsOwnKeys() throws Exception {
        SrtpKeys bobsPhone = keys(7);
        SrtpKeys serverToBob = keys(8);
        b.useSrtp(bobsPhone, serverToBob);
        alice.send(encrypt(Phone.rtp(1)), a.localRtp());
        byte[] atBob = bob.receive().data();
        PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(atBob));
        assertThat(SrtpDirection.receiving(serverToBob).unprotect(p, false)).isEqualTo(SrtpDirection.Outcome.OK);
        assertThat(SrtpDirectionTest.bytes(p)).isEqualTo(Phone.rtp(1));
        bob.send(Phone.rtp(2), b.localRtp());
        ByteBuf third = Unpooled.buffer(172 + SrtpDirection.MAX_GROWTH).writeBytes(Phone.rtp(3));
        PacketBuffer bobs = PacketBuffer.of(third);
        SrtpDirection.sending(bobsPhone).protect(bobs, false);
        bob.send(SrtpDirectionTest.bytes(bobs), b.localRtp());
        assertThat(decrypt(alice.receive().data())).as("plain RTP from a leg that expects SRTP does not pass")
                .isEqualTo(Phone.rtp(3));
        await().untilAsserted(() -> assertThat(b.stats().authFailures()).isEqualTo(1));
    }
}
