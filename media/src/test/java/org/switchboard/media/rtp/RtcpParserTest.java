package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpParserTest {

    private static List<RtcpPacket> packets(byte[] bytes) {
        RtcpParseResult result = RtcpParser.parse(bytes);
        assertThat(result).isInstanceOf(RtcpParseResult.Parsed.class);
        return ((RtcpParseResult.Parsed) result).packets();
    }

    private static String invalid(byte[] bytes) {
        RtcpParseResult result = RtcpParser.parse(bytes);
        assertThat(result).isInstanceOf(RtcpParseResult.Invalid.class);
        return ((RtcpParseResult.Invalid) result).reason();
    }

    @Test
    void readsASenderReportWithTwoReportBlocks() {
        List<RtcpPacket> packets = packets(RtcpPackets.SR_TWO_BLOCKS);

        RtcpSenderReport sr = (RtcpSenderReport) packets.getFirst();
        assertThat(sr.ssrc()).isEqualTo(0x11223344L);
        assertThat(sr.senderInfo()).isEqualTo(new RtcpSenderInfo(0xE95C0A3B_80000000L, 123456, 500, 80000));
        assertThat(sr.reportBlocks()).containsExactly(
                new RtcpReportBlock(0x55667788L, 25, 42, 66536, 80, 0x0A3B8000L, 65536),
                new RtcpReportBlock(0x99AABBCCL, 0, -2, 65535, 0, 0, 0));
        assertThat(NtpTime.toUnixMillis(sr.senderInfo().ntpTimestamp()) % 1000).isEqualTo(500);
    }

    @Test
    void readsACompoundSrSdesBye() {
        byte[] compound = Hex.concat(RtcpPackets.SR_TWO_BLOCKS, RtcpPackets.SDES_CNAME, RtcpPackets.BYE_WITH_REASON);

        List<RtcpPacket> packets = packets(compound);

        assertThat(packets).hasSize(3);
        RtcpSdes sdes = (RtcpSdes) packets.get(1);
        assertThat(sdes.cnameOf(0x11223344L)).contains("alice@192.0.2.1");
        assertThat(sdes.chunks().getFirst().items()).containsExactly(new RtcpSdes.Item(RtcpSdes.CNAME, "alice@192.0.2.1"));
        assertThat(packets.get(2)).isEqualTo(new RtcpBye(List.of(0x11223344L), Optional.of("shutdown")));
    }

    @Test
    void skipsAppAndUnknownTypesButReadsFeedbackSsrcs() {
        byte[] compound = Hex.concat(RtcpPackets.EMPTY_RR, RtcpPackets.APP, RtcpPackets.XR,
                RtcpPackets.PLI, RtcpPackets.NACK, RtcpPackets.SDES_CNAME);

        List<RtcpPacket> packets = packets(compound);

        assertThat(packets).containsExactly(
                new RtcpReceiverReport(0x11223344L, List.of()),
                new RtcpFeedback(RtcpPacket.PSFB, 1, 0x11223344L, 0x55667788L),
                new RtcpFeedback(RtcpPacket.RTPFB, 1, 0x11223344L, 0x55667788L),
                RtcpSdes.ofCname(0x11223344L, "alice@192.0.2.1"));
    }

    @Test
    void thePaddedLastPacketIsReadWithoutItsPadding() {
        byte[] paddedSdes = Hex.bytes("a1 ca 00 07  11 22 33 44  01 0f 'alice@192.0.2.1' 00 00 00  00 00 00 04");

        List<RtcpPacket> packets = packets(Hex.concat(RtcpPackets.EMPTY_RR, paddedSdes));

        assertThat(((RtcpSdes) packets.get(1)).cnameOf(0x11223344L)).contains("alice@192.0.2.1");
        assertThat(packets(Hex.bytes("a0 c9 00 02  11 22 33 44  00 00 00 04")))
                .as("a lone packet is both first and last: it may be padded")
                .containsExactly(new RtcpReceiverReport(0x11223344L, List.of()));
    }

    @Test
    void everyTruncationNotOnAPacketBoundaryIsInvalid() {
        byte[] compound = Hex.concat(RtcpPackets.SR_TWO_BLOCKS, RtcpPackets.SDES_CNAME, RtcpPackets.BYE_WITH_REASON);
        List<Integer> boundaries = List.of(76, 104, 124);

        for (int length = 0; length <= compound.length; length++) {
            RtcpParseResult result = RtcpParser.parse(compound, 0, length);
            if (boundaries.contains(length)) {
                assertThat(result).as("%d bytes", length).isInstanceOf(RtcpParseResult.Parsed.class);
            } else {
                assertThat(result).as("%d bytes", length).isInstanceOf(RtcpParseResult.Invalid.class);
            }
        }
    }

    @Test
    void theFirstPacketMustBeAReport() {
        assertThat(invalid(RtcpPackets.SDES_CNAME)).contains("first packet has type 202");
        assertThat(invalid(Hex.concat(RtcpPackets.BYE_WITH_REASON, RtcpPackets.EMPTY_RR))).contains("type 203");
    }

    @Test
    void everyPacketMustBeVersionTwo() {
        byte[] badFirst = RtcpPackets.EMPTY_RR.clone();
        badFirst[0] = 0x40;
        assertThat(invalid(badFirst)).contains("version 1");

        byte[] badSecond = Hex.concat(RtcpPackets.EMPTY_RR, RtcpPackets.SDES_CNAME);
        badSecond[8] = (byte) 0xC1;
        assertThat(invalid(badSecond)).contains("byte 8 has version 3");
    }

    @Test
    void lengthsMustAddUpToTheDatagram() {
        byte[] tooLong = RtcpPackets.EMPTY_RR.clone();
        tooLong[3] = 2;
        assertThat(invalid(tooLong)).contains("runs past the end");

        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, Hex.bytes("81 ca"))))
                .contains("truncated header at byte 8");
    }

    @Test
    void onlyTheLastPacketMayBePadded() {
        byte[] paddedFirst = Hex.concat(Hex.bytes("a0 c9 00 02  11 22 33 44  00 00 00 04"), RtcpPackets.SDES_CNAME);
        assertThat(invalid(paddedFirst)).contains("padded but is not the last");

        assertThat(invalid(Hex.bytes("a0 c9 00 02  11 22 33 44  00 00 00 00"))).contains("padding count 0");
        assertThat(invalid(Hex.bytes("a0 c9 00 02  11 22 33 44  00 00 00 0d"))).contains("padding count 13");
        assertThat(invalid(Hex.bytes("a0 c9 00 02  11 22 33 44  00 00 00 08")))
                .as("padding eats the SSRC").contains("RR at byte 0 needs 8 bytes but has 4");
    }

    @Test
    void countsMustFitTheirPacket() {
        byte[] threeBlocksInRoomForTwo = RtcpPackets.SR_TWO_BLOCKS.clone();
        threeBlocksInRoomForTwo[0] = (byte) 0x83;
        assertThat(invalid(threeBlocksInRoomForTwo)).contains("SR at byte 0 needs 100 bytes but has 76");

        assertThat(invalid(Hex.bytes("80 c9 00 00"))).contains("RR at byte 0 needs 8");
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, Hex.bytes("82 cb 00 01  11 22 33 44"))))
                .contains("BYE at byte 8 needs 12");
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, Hex.bytes("80 ce 00 01  11 22 33 44"))))
                .contains("feedback at byte 8 needs 12");
    }

    @Test
    void sdesAndByeContentMustFitTheirPacket() {
        byte[] itemTooLong = RtcpPackets.SDES_CNAME.clone();
        itemTooLong[9] = 30;
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, itemTooLong))).contains("runs past its packet");

        byte[] noEnd = Hex.bytes("81 ca 00 02  11 22 33 44  01 02 'ab'");
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, noEnd))).contains("no end-of-items octet");

        byte[] twoChunksOneThere = RtcpPackets.SDES_CNAME.clone();
        twoChunksOneThere[0] = (byte) 0x82;
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, twoChunksOneThere))).contains("SDES chunk 1");

        byte[] reasonTooLong = RtcpPackets.BYE_WITH_REASON.clone();
        reasonTooLong[8] = 20;
        assertThat(invalid(Hex.concat(RtcpPackets.EMPTY_RR, reasonTooLong))).contains("BYE reason");
    }

    @Test
    void badUtf8InAnItemIsReplacedNotFatal() {
        byte[] sdes = Hex.bytes("81 ca 00 03  11 22 33 44  01 03 61 ff 62 00 00 00");

        List<RtcpPacket> packets = packets(Hex.concat(RtcpPackets.EMPTY_RR, sdes));

        assertThat(((RtcpSdes) packets.get(1)).cnameOf(0x11223344L)).contains("a?b");
    }

    @Test
    void badArgumentsAreInvalid() {
        assertThat(RtcpParser.parse(null)).isInstanceOf(RtcpParseResult.Invalid.class);
        assertThat(RtcpParser.parse(RtcpPackets.EMPTY_RR, 4, 8)).isInstanceOf(RtcpParseResult.Invalid.class);
        assertThat(RtcpParser.parse(RtcpPackets.EMPTY_RR, -1, 4)).isInstanceOf(RtcpParseResult.Invalid.class);
        assertThat(invalid(new byte[3])).contains("shorter than an RTCP header");
    }
}
