package org.switchboard.media.rtp;

import java.util.List;

/**
 * A receiver report, RR (RFC 3550 §6.4.2): sent by a participant that sent no RTP since its
 * previous report. An RR with no block is the smallest valid head of a compound packet.
 *
 * @param ssrc         the reporter
 * @param reportBlocks up to 31 reception reports
 */
public record RtcpReceiverReport(long ssrc, List<RtcpReportBlock> reportBlocks) implements RtcpPacket {

    /** Header and SSRC: the length with no report block. */
    public static final int MIN_LENGTH = 8;

    public RtcpReceiverReport {
        RtcpHeader.requireU32("SSRC", ssrc);
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount("report blocks", reportBlocks.size());
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int length() {
        return MIN_LENGTH + RtcpReportBlock.LENGTH * reportBlocks.size();
    }

    @Override
    public int writeTo(byte[] out, int offset) {
        int length = length();
        RtcpHeader.requireRoom(out, offset, length);
        RtcpHeader.write(out, offset, reportBlocks.size(), RR, length);
        BigEndian.put32(out, offset + 4, ssrc);
        int at = offset + MIN_LENGTH;
        for (RtcpReportBlock block : reportBlocks) {
            block.write(out, at);
            at += RtcpReportBlock.LENGTH;
        }
        return length;
    }
}
