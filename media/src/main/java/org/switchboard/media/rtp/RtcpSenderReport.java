package org.switchboard.media.rtp;

import java.util.List;

/**
 * A sender report, SR (RFC 3550 §6.4.1): sent by a participant that sent RTP since its previous
 * report; its sender info lets the receivers compute the round trip (LSR/DLSR) and map RTP time
 * to wall time. Profile-specific extensions after the report blocks are skipped when parsing.
 *
 * @param ssrc         the sender
 * @param senderInfo   NTP/RTP timestamps and counts
 * @param reportBlocks up to 31 reception reports
 */
public record RtcpSenderReport(long ssrc, RtcpSenderInfo senderInfo, List<RtcpReportBlock> reportBlocks)
        implements RtcpPacket {

    /** Header, SSRC and sender info: the length with no report block. */
    public static final int MIN_LENGTH = 8 + RtcpSenderInfo.LENGTH;

    public RtcpSenderReport {
        RtcpHeader.requireU32("SSRC", ssrc);
        if (senderInfo == null) {
            throw new IllegalArgumentException("an SR needs its sender info");
        }
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount("report blocks", reportBlocks.size());
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int length() {
        return MIN_LENGTH + RtcpReportBlock.LENGTH * reportBlocks.size();
    }

    @Override
    public int writeTo(byte[] out, int offset) {
        int length = length();
        RtcpHeader.requireRoom(out, offset, length);
        RtcpHeader.write(out, offset, reportBlocks.size(), SR, length);
        BigEndian.put32(out, offset + 4, ssrc);
        senderInfo.write(out, offset + 8);
        int at = offset + MIN_LENGTH;
        for (RtcpReportBlock block : reportBlocks) {
            block.write(out, at);
            at += RtcpReportBlock.LENGTH;
        }
        return length;
    }
}
