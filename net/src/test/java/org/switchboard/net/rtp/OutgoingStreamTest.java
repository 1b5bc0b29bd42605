package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * What one phone is sent, seen as header fields: relayed packets untouched until a switch, then
 * the server's stream continuing the relayed one and the relayed one continuing the server's.
 */
class OutgoingStreamTest {

    private static final long MS = 1_000_000L;
    private static final long BOB = 0x4CCA_A455L;
    private static final long BOB_ELSEWHERE = 0x0BAD_CAFEL;

    private final OutgoingStream stream = new OutgoingStream();
    /** The header the phone would see for the last packet: sequence, timestamp, SSRC. */
    private int seq;
    private long ts;
    private long ssrc;

    /** Relays a packet through the stream as the relay does, and keeps what the phone would see. */
    private boolean relay(int sequence, long timestamp, long source, long atMillis) {
        boolean rewritten = stream.relayed(sequence, timestamp, source, atMillis * MS);
        seq = sequence;
        ts = timestamp;
        ssrc = source;
        if (rewritten) {
            ByteBuf packet = Unpooled.wrappedBuffer(header(sequence, timestamp, source));
            stream.rewrite(packet, 0);
            seq = packet.getUnsignedShort(2);
            ts = packet.getUnsignedInt(4);
            ssrc = packet.getUnsignedInt(8);
        }
        return rewritten;
    }

    /** The server's transmitter sends, from wherever the stream told it to start. */
    private void serverSends(int packets, long fromMillis) {
        int next = stream.nextSequence();
        long timestamp = stream.timestampAfter(8000, fromMillis * MS);
        long source = stream.ssrc();
        for (int i = 0; i < packets; i++) {
            stream.sent((next + i) & 0xFFFF, (timestamp + 160L * i) & 0xFFFF_FFFFL, source, (fromMillis + 20L * i) * MS);
        }
        seq = (next + packets - 1) & 0xFFFF;
        ts = (timestamp + 160L * (packets - 1)) & 0xFFFF_FFFFL;
        ssrc = source;
    }

    private static byte[] header(int sequence, long timestamp, long source) {
        return ByteBuffer.allocate(12).put((byte) 0x80).put((byte) 0).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) source).array();
    }

    @Test
    void aCallThatIsOnlyRelayedIsNeverRewrittenWhateverItsNumbersDo() {
        assertThat(stream.started()).isFalse();
        assertThat(stream.ssrc()).isEqualTo(-1);
        assertThat(relay(319, 51_040, BOB, 0)).isFalse();
        assertThat(relay(321, 51_360, BOB, 20)).as("a reordered pair").isFalse();
        assertThat(relay(320, 51_200, BOB, 21)).isFalse();
        assertThat(relay(7, 900, BOB_ELSEWHERE, 40)).as("another device, numbers far back").isFalse();
        assertThat(relay(40_000, 5, BOB_ELSEWHERE, 60)).as("a jump").isFalse();
        assertThat(stream.ssrc()).isEqualTo(BOB_ELSEWHERE);
    }

    @Test
    void theServerContinuesTheHighestRelayedNumberWithTheTimeSinceInItsTimestamp() {
        relay(319, 51_040, BOB, 0);
        relay(321, 51_360, BOB, 40);
        relay(320, 51_200, BOB, 41);
        assertThat(stream.ssrc()).isEqualTo(BOB);
        assertThat(stream.nextSequence()).as("after 321, not after the late 320").isEqualTo(322);
        assertThat(stream.timestampAfter(8000, 45 * MS)).as("at least one packet time on").isEqualTo(51_360 + 160);
        assertThat(stream.timestampAfter(8000, 140 * MS)).as("100 ms on at 8 kHz").isEqualTo(51_360 + 800);
        assertThat(stream.timestampAfter(48_000, 140 * MS)).as("in the new stream's clock").isEqualTo(51_360 + 4800);
        stream.ptime(30 * MS);
        assertThat(stream.timestampAfter(8000, 45 * MS)).as("the leg's own packet time").isEqualTo(51_360 + 240);
        assertThat(stream.timestampAfter(8000, 40 * MS + 3_600_000 * MS)).as("an hour's silence counts ten minutes")
                .isEqualTo(51_360 + 8000L * 600);
    }

    @Test
    void backToRelayingTheRelayedStreamContinuesTheServersUnderItsSsrc() {
        relay(319, 51_040, BOB, 0);
        relay(320, 51_200, BOB, 20);
        serverSends(83, 40);
        int serverLast = seq;
        long serverTs = ts;
        long lastAt = 40 + 20 * 82;

        assertThat(relay(321, 51_360, BOB, lastAt + 20)).isTrue();
        assertThat(seq).isEqualTo((serverLast + 1) & 0xFFFF);
        assertThat(ts).isEqualTo(serverTs + 160);
        assertThat(ssrc).isEqualTo(BOB);
        assertThat(relay(322, 51_520, BOB, lastAt + 40)).isTrue();
        assertThat(seq).isEqualTo((serverLast + 2) & 0xFFFF);
        assertThat(ts).isEqualTo(serverTs + 320);
        assertThat(relay(325, 52_000, BOB, lastAt + 100)).as("a loss stays a gap").isTrue();
        assertThat(seq).isEqualTo((serverLast + 5) & 0xFFFF);
        assertThat(relay(324, 51_840, BOB, lastAt + 101)).as("a late packet keeps its place").isTrue();
        assertThat(seq).isEqualTo((serverLast + 4) & 0xFFFF);
        assertThat(stream.nextSequence()).isEqualTo((serverLast + 6) & 0xFFFF);
    }

    @Test
    void aResumedHoldWhoseNumbersDidNotAdvanceStillGoesForward() {
        relay(64_000, 1_000, BOB, 0);
        serverSends(3000, 20);  // a minute of music, across the wrap
        int serverLast = seq;
        assertThat(relay(64_001, 1_160, BOB, 20 + 60_000)).isTrue();
        assertThat(seq).isEqualTo((serverLast + 1) & 0xFFFF);
        assertThat(ssrc).isEqualTo(BOB);
    }

    @Test
    void aNewRelayedSourceOrAJumpAfterASwitchFixesTheOffsetsAgain() {
        relay(100, 16_000, BOB, 0);
        serverSends(5, 20);
        relay(101, 16_160, BOB, 120);
        int before = seq;
        long beforeTs = ts;
        assertThat(relay(9, 77, BOB_ELSEWHERE, 140)).as("the other phone moved to another device").isTrue();
        assertThat(seq).isEqualTo((before + 1) & 0xFFFF);
        assertThat(ts).isEqualTo(beforeTs + 160);
        assertThat(ssrc).as("the phone still hears one source").isEqualTo(BOB);
        relay(10, 237, BOB_ELSEWHERE, 160);
        assertThat(seq).isEqualTo((before + 2) & 0xFFFF);
        relay(30_000, 999_999, BOB_ELSEWHERE, 180);
        assertThat(seq).as("a jump beyond RFC 3550's dropout window").isEqualTo((before + 3) & 0xFFFF);
        relay(30_001, 1_000_159, BOB_ELSEWHERE, 200);
        assertThat(seq).isEqualTo((before + 4) & 0xFFFF);
        relay(29_000, 999_000, BOB_ELSEWHERE, 220);
        assertThat(seq).as("a step back beyond the misorder window").isEqualTo((before + 5) & 0xFFFF);
    }

    @Test
    void aStreamTheServerStartedIsContinuedByTheRelayUnderTheServersSsrc() {
        stream.sent(61_028, 5_000, 0x50BD_6DFCL, 0);
        stream.sent(61_029, 5_160, 0x50BD_6DFCL, 20 * MS);
        assertThat(relay(1, 160, BOB, 40)).isTrue();
        assertThat(seq).isEqualTo(61_030);
        assertThat(ts).isEqualTo(5_320);
        assertThat(ssrc).isEqualTo(0x50BD_6DFCL);
        assertThat(stream.ssrc()).isEqualTo(0x50BD_6DFCL);
    }

    @Test
    void anArrayPacketIsRewrittenLikeABuffer() {
        relay(5, 800, BOB, 0);
        stream.sent(6, 960, BOB, 20 * MS);
        byte[] packet = header(6, 960, BOB);
        assertThat(stream.relayed(6, 960, BOB, 40 * MS)).isTrue();
        stream.rewrite(packet, 0);
        assertThat(packet).isEqualTo(header(7, 1120, BOB));
    }
}
