package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.relay.SrtpSuite;
import org.switchboard.net.rtp.SrtpDirection.Outcome;

class SrtpDirectionTest {

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    private static final HexFormat HEX = HexFormat.of();
    /** libsrtp's known-answer vectors (test/srtp_driver.c), SSRC 0xcafebabe, sequence 0x1234, ROC 0. */
    private static final byte[] KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");
    private static final byte[] RTP = HEX.parseHex("800f1234decafbadcafebabe" + "ab".repeat(16));
    private static final byte[] SRTP = HEX.parseHex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402"
            + "b78d6acc99ea179b8dbb");
    private static final byte[] RTCP = HEX.parseHex("81c8000bcafebabe" + "ab".repeat(16));
    private static final byte[] SRTCP = HEX.parseHex("81c8000bcafebabe7128035be487b9bdbef89041f977a5a8"
            + "80000001993e08cd54d6c1230798");

    static SrtpKeys keys(SrtpSuite suite) {
        return new SrtpKeys(suite, Arrays.copyOf(KEY, suite.keyLength()), Arrays.copyOf(SALT, suite.saltLength()));
    }

    /** A heap buffer holding {@code data} with room for what a transform adds. */
    static ByteBuf buffer(byte[] data) {
        ByteBuf b = Unpooled.buffer(data.length + SrtpDirection.MAX_GROWTH);
        b.writeBytes(data);
        return b;
    }

    static byte[] bytes(PacketBuffer p) {
        ByteBuf b = p.commit();
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    static byte[] rtp(int seq, int ssrc) {
        byte[] p = Phone.rtp(seq);
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        return p;
    }

    @Test
    void encryptsAsLibsrtpDoes() {
        PacketBuffer p = PacketBuffer.of(buffer(RTP));
        assertThat(SrtpDirection.sending(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80)).protect(p, false)).isEqualTo(Outcome.OK);
        assertThat(HEX.formatHex(bytes(p))).isEqualTo(HEX.formatHex(SRTP));
    }

    @Test
    void decryptsLibsrtpsPacketsSrtpAndSrtcp() {
        SrtpDirection in = SrtpDirection.receiving(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        PacketBuffer media = PacketBuffer.of(buffer(SRTP));
        assertThat(in.unprotect(media, false)).isEqualTo(Outcome.OK);
        assertThat(bytes(media)).isEqualTo(RTP);
        PacketBuffer control = PacketBuffer.of(buffer(SRTCP));
        assertThat(in.unprotect(control, true)).isEqualTo(Outcome.OK);
        assertThat(bytes(control)).isEqualTo(RTCP);
    }

    @Test
    void the32BitSuiteCutsTheSrtpTagOnly() {
        PacketBuffer p = PacketBuffer.of(buffer(RTP));
        SrtpDirection.sending(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_32)).protect(p, false);
        assertThat(bytes(p)).isEqualTo(Arrays.copyOf(SRTP, SRTP.length - 6));
        PacketBuffer control = PacketBuffer.of(buffer(SRTCP));
        assertThat(SrtpDirection.receiving(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_32)).unprotect(control, true))
                .as("SRTCP keeps the 80-bit tag").isEqualTo(Outcome.OK);
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void everySuiteRoundTripsRtpAndRtcp(SrtpSuite suite) {
        SrtpDirection out = SrtpDirection.sending(keys(suite));
        SrtpDirection in = SrtpDirection.receiving(keys(suite));
        for (int seq = 1; seq <= 3; seq++) {
            byte[] plain = rtp(seq, 0x5eed);
            PacketBuffer p = PacketBuffer.of(buffer(plain));
            assertThat(out.protect(p, false)).isEqualTo(Outcome.OK);
            byte[] wire = bytes(p);
            assertThat(wire).hasSize(plain.length + suite.srtpTagLength());
            assertThat(Arrays.copyOfRange(wire, 12, 172)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
            PacketBuffer back = PacketBuffer.of(buffer(wire));
            assertThat(in.unprotect(back, false)).isEqualTo(Outcome.OK);
            assertThat(bytes(back)).isEqualTo(plain);
        }
        PacketBuffer c = PacketBuffer.of(buffer(RTCP));
        assertThat(out.protect(c, true)).isEqualTo(Outcome.OK);
        assertThat(bytes(c)).hasSize(RTCP.length + 4 + suite.srtcpTagLength());
        PacketBuffer cBack = PacketBuffer.of(buffer(bytes(c)));
        assertThat(in.unprotect(cBack, true)).isEqualTo(Outcome.OK);
        assertThat(bytes(cBack)).isEqualTo(RTCP);
    }

    @Test
    void aTamperedPacketFailsAuthenticationAndLeavesNoContextBehind() {
        SrtpDirection in = SrtpDirection.receiving(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        byte[] forged = SRTP.clone();
        forged[20] ^= 1;
        assertThat(in.unprotect(PacketBuffer.of(buffer(forged)), false)).isEqualTo(Outcome.AUTH_FAILED);
        byte[] shortOne = Arrays.copyOf(SRTP, 14);
        assertThat(in.unprotect(PacketBuffer.of(buffer(shortOne)), false)).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(in.sources()).isZero();
        assertThat(in.unprotect(PacketBuffer.of(buffer(SRTP)), false)).isEqualTo(Outcome.OK);
        assertThat(in.sources()).isEqualTo(1);
    }

    @Test
    void aReplayedPacketIsRefused() {
        SrtpDirection in = SrtpDirection.receiving(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        assertThat(in.unprotect(PacketBuffer.of(buffer(SRTP)), false)).isEqualTo(Outcome.OK);
        assertThat(in.unprotect(PacketBuffer.of(buffer(SRTP)), false)).isEqualTo(Outcome.REPLAYED);
        assertThat(in.unprotect(PacketBuffer.of(buffer(SRTCP)), true)).isEqualTo(Outcome.OK);
        assertThat(in.unprotect(PacketBuffer.of(buffer(SRTCP)), true)).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void removesTheMasterKeyIdentifierBeforeTheTag() {
        SrtpKeys withMki = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY, SALT, 4);
        byte[] wire = new byte[SRTP.length + 4];
        System.arraycopy(SRTP, 0, wire, 0, 28);
        wire[28] = 0;
        wire[29] = 0;
        wire[30] = 0;
        wire[31] = 1;
        System.arraycopy(SRTP, 28, wire, 32, 10);
        PacketBuffer p = PacketBuffer.of(buffer(wire));
        assertThat(SrtpDirection.receiving(withMki).unprotect(p, false)).isEqualTo(Outcome.OK);
        assertThat(bytes(p)).isEqualTo(RTP);
    }

    @Test
    void keepsABoundedNumberOfSources() {
        SrtpDirection out = SrtpDirection.sending(keys(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        for (int ssrc = 1; ssrc <= SrtpDirection.MAX_SOURCES + 5; ssrc++) {
            out.protect(PacketBuffer.of(buffer(rtp(1, ssrc))), false);
        }
        assertThat(out.sources()).isEqualTo(SrtpDirection.MAX_SOURCES);
    }
}
