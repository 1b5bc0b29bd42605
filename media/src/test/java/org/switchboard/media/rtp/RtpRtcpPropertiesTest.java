package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever arrives from the network, the readers answer with a value: random bytes and real
 * packets with bytes flipped, cut, or lengths rewritten never make them throw, and what they
 * accept is consistent (RTP ranges inside the datagram, RTCP that writes and parses back equal).
 */
class RtpRtcpPropertiesTest {

    private static final List<byte[]> RTCP_SEEDS = List.of(
            Hex.concat(RtcpPackets.SR_TWO_BLOCKS, RtcpPackets.SDES_CNAME, RtcpPackets.BYE_WITH_REASON),
            Hex.concat(RtcpPackets.EMPTY_RR, RtcpPackets.APP, RtcpPackets.PLI, RtcpPackets.NACK, RtcpPackets.SDES_CNAME),
            Hex.concat(RtcpPackets.EMPTY_RR, RtcpPackets.XR,
                    Hex.bytes("a1 ca 00 07  11 22 33 44  01 0f 'alice@192.0.2.1' 00 00 00  00 00 00 04")));

    private static final List<byte[]> RTP_SEEDS = List.of(RtpViewTest.FULL, RtpViewTest.pcmuPacket(),
            Hex.bytes("90 00 00 01 00 00 00 01 00 00 00 01  10 03 00 02  05 02 11 22  00 07 00 00  ff"));

    @Property(tries = 3000)
    void randomBytesNeverThrow(@ForAll @Size(max = 200) byte[] bytes, @ForAll @IntRange(min = -2, max = 210) int offset,
                               @ForAll @IntRange(min = -2, max = 210) int length) {
        checkRtp(bytes, offset, length);
        checkRtp(bytes, 0, bytes.length);
        checkRtcp(bytes, offset, length);
        checkRtcp(bytes, 0, bytes.length);
        RtcpMux.classify(bytes, offset, length);
        RtcpMux.classify(bytes, 0, bytes.length);
    }

    @Property(tries = 5000)
    void mutatedRtpNeverThrowsAndStaysInside(@ForAll @IntRange(min = 0, max = 1000) int seed, @ForAll long mutation) {
        byte[] packet = mutate(RTP_SEEDS.get(seed % RTP_SEEDS.size()), new Random(mutation));
        Statistics.label("outcome").collect(checkRtp(packet, 0, packet.length));
    }

    @Property(tries = 5000)
    void mutatedRtcpNeverThrowsAndWhatParsesWritesBack(@ForAll @IntRange(min = 0, max = 1000) int seed,
                                                      @ForAll long mutation) {
        byte[] compound = mutate(RTCP_SEEDS.get(seed % RTCP_SEEDS.size()), new Random(mutation));
        RtcpParseResult result = checkRtcp(compound, 0, compound.length);
        Statistics.label("outcome").collect(result instanceof RtcpParseResult.Parsed ? "parsed" : "invalid");
        RtcpSession session = new RtcpSession(0x55667788L, "fuzz", 8000, 80_000, new SplittableRandom(mutation), 0);
        session.onRtcpReceived(compound, 0, compound.length, 1_000_000_000L, 1_750_000_000_000L);
        session.buildReport(2_000_000_000L, 1_750_000_001_000L, new byte[session.maxPacketLength()]);
        session.stats();
    }

    @Property(tries = 2000)
    void anyPacketOrderKeepsTheStatisticsInTheirRanges(@ForAll @Size(max = 300) int[] sequences, @ForAll long seed) {
        RtpSourceStats stats = new RtpSourceStats(1, 8000);
        Random random = new Random(seed);
        int base = random.nextInt(65536);
        for (int i = 0; i < sequences.length; i++) {
            int seq = random.nextInt(4) == 0 ? sequences[i] : base + i + (sequences[i] & 7);
            stats.update(seq, random.nextLong(), random.nextInt());
            if (random.nextInt(20) == 0) {
                RtcpReportBlock block = stats.reportBlock(random.nextLong());
                assertThat(block.fractionLost()).isBetween(0, 255);
            }
        }
        assertThat(stats.cumulativeLost()).isBetween(RtcpReportBlock.MIN_CUMULATIVE_LOST, RtcpReportBlock.MAX_CUMULATIVE_LOST);
        assertThat(stats.fractionLostSinceReport()).isBetween(0, 255);
        assertThat(stats.jitter()).isNotNegative();
        assertThat(stats.received()).isNotNegative();
    }

    private static RtpView.Problem checkRtp(byte[] bytes, int offset, int length) {
        RtpView view = new RtpView();
        if (view.wrap(bytes, offset, length)) {
            assertThat(view.headerLength() + view.payloadLength() + view.paddingLength()).isEqualTo(length);
            assertThat(view.payloadOffset() + view.payloadLength()).isLessThanOrEqualTo(bytes.length);
            RtpExtensionElements elements = new RtpExtensionElements();
            elements.reset(view);
            while (elements.next()) {
                assertThat(elements.dataOffset() + elements.dataLength())
                        .isLessThanOrEqualTo(view.extensionOffset() + view.extensionLength());
            }
        } else {
            assertThat(view.problem()).isNotEqualTo(RtpView.Problem.NONE);
            assertThat(view.payloadLength()).isZero();
        }
        view.sequence();
        view.timestamp();
        view.ssrc();
        view.toString();
        return view.problem();
    }

    private static RtcpParseResult checkRtcp(byte[] bytes, int offset, int length) {
        RtcpParseResult result = RtcpParser.parse(bytes, offset, length);
        switch (result) {
            case RtcpParseResult.Invalid invalid -> assertThat(invalid.reason()).isNotBlank();
            case RtcpParseResult.Parsed parsed -> {
                assertThat(parsed.packets().getFirst()).isInstanceOfAny(RtcpSenderReport.class, RtcpReceiverReport.class);
                byte[] out = new byte[64 * 1024];
                int at = 0;
                for (RtcpPacket packet : parsed.packets()) {
                    at += packet.writeTo(out, at);
                }
                assertThat(RtcpParser.parse(out, 0, at)).isEqualTo(parsed);
            }
        }
        return result;
    }

    /** A few random edits: flipped bytes, a cut, a rewritten length or count, inserted garbage. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            switch (random.nextInt(5)) {
                case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 2 -> {
                    int at = random.nextInt(b.length) & ~3;
                    if (at + 3 < b.length) {
                        b[at + 3] = (byte) random.nextInt(256);
                        b[at + 2] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0);
                    }
                }
                case 3 -> {
                    int at = random.nextInt(b.length) & ~3;
                    b[at] = (byte) (b[at] & 0xE0 | random.nextInt(32));
                }
                default -> {
                    byte[] garbage = new byte[random.nextInt(12)];
                    random.nextBytes(garbage);
                    b = Hex.concat(b, garbage);
                }
            }
        }
        return b;
    }
}
