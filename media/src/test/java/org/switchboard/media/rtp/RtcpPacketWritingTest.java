package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packet records write the RFC layouts byte for byte. */
class RtcpPacketWritingTest {

    private static byte[] write(RtcpPacket... packets) {
        byte[] out = new byte[1500];
        int at = 0;
        for (RtcpPacket packet : packets) {
            int n = packet.writeTo(out, at);
            assertThat(n).isEqualTo(packet.length());
            assertThat(n % 4).isZero();
            at += n;
        }
        return Arrays.copyOf(out, at);
    }

    @Test
    void writesTheHandWrittenCompoundByteForByte() {
        byte[] expected = Hex.concat(RtcpPackets.SR_TWO_BLOCKS, RtcpPackets.SDES_CNAME, RtcpPackets.BYE_WITH_REASON);
        List<RtcpPacket> parsed = ((RtcpParseResult.Parsed) RtcpParser.parse(expected)).packets();

        assertThat(write(parsed.toArray(RtcpPacket[]::new))).containsExactly(expected);
    }

    @Test
    void writesPacketsThatParseBackEqual() {
        RtcpSenderInfo info = new RtcpSenderInfo(NtpTime.fromUnixMillis(1_750_000_000_250L), 0xFFFF_FFFFL, 1, 160);
        RtcpReportBlock block = new RtcpReportBlock(0xFFFF_FFFFL, 255, -0x80_0000, 0xFFFF_FFFFL, 7, 1, 2);
        List<RtcpPacket> packets = List.of(
                new RtcpSenderReport(1, info, List.of(block, block)),
                new RtcpReceiverReport(2, List.of(block)),
                new RtcpSdes(List.of(
                        new RtcpSdes.Chunk(3, List.of(new RtcpSdes.Item(RtcpSdes.CNAME, "bob@example.com"),
                                new RtcpSdes.Item(RtcpSdes.TOOL, "Switchboard ✓"))),
                        new RtcpSdes.Chunk(4, List.of()))),
                new RtcpBye(List.of(5L, 6L), Optional.empty()),
                new RtcpBye(List.of(), Optional.of("")),
                new RtcpFeedback(RtcpPacket.PSFB, 1, 7, 8));

        byte[] bytes = write(packets.toArray(RtcpPacket[]::new));

        assertThat(RtcpParser.parse(bytes)).isEqualTo(new RtcpParseResult.Parsed(packets));
    }

    @Test
    void sdesChunksEndWithAtLeastOneNullOctet() {
        byte[] fourAligned = write(RtcpSdes.ofCname(1, "ab"));
        assertThat(fourAligned).containsExactly(Hex.bytes("81 ca 00 03  00 00 00 01  01 02 'ab'  00 00 00 00"));
        assertThat(write(RtcpSdes.ofCname(1, "a"))).hasSize(12);
    }

    @Test
    void refusesValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new RtcpReportBlock(1, 256, 0, 0, 0, 0, 0)).hasMessageContaining("fraction lost 256");
        assertThatThrownBy(() -> new RtcpReportBlock(1, 0, 0x80_0000, 0, 0, 0, 0)).hasMessageContaining("24 signed bits");
        assertThatThrownBy(() -> new RtcpReportBlock(-1, 0, 0, 0, 0, 0, 0)).hasMessageContaining("unsigned 32-bit");
        assertThatThrownBy(() -> new RtcpSdes.Item(1, "x".repeat(256))).hasMessageContaining("0..255 octets");
        assertThatThrownBy(() -> new RtcpSdes.Item(0, "x")).hasMessageContaining("type 0");
        assertThatThrownBy(() -> new RtcpReceiverReport(1, java.util.Collections.nCopies(32,
                new RtcpReportBlock(1, 0, 0, 0, 0, 0, 0)))).hasMessageContaining("5-bit count");
        assertThatThrownBy(() -> new RtcpFeedback(200, 1, 1, 1)).hasMessageContaining("205 or 206");
        assertThatThrownBy(() -> RtcpBye.of(1).writeTo(new byte[7], 0)).hasMessageContaining("no room for 8");
    }
}
