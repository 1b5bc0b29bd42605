package org.switchboard.media.rtp;

/**
 * A feedback message (RFC 4585 §6.1: RTPFB 205, e.g. generic NACK; PSFB 206, e.g. PLI), read
 * only as far as its type and SSRCs: a PBX forwards or ignores them, it does not act on the
 * feedback control information (FCI), which the parser skips and {@link #writeTo} leaves empty
 * (a PLI, 206/1, has none).
 *
 * @param packetType {@link RtcpPacket#RTPFB} or {@link RtcpPacket#PSFB}
 * @param format     FMT, the 5-bit message type within the packet type
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  SSRC of the media source the feedback is about
 */
public record RtcpFeedback(int packetType, int format, long senderSsrc, long mediaSsrc) implements RtcpPacket {

    /** Header and the two SSRCs. */
    public static final int MIN_LENGTH = 12;

    public RtcpFeedback {
        if (packetType != RTPFB && packetType != PSFB) {
            throw new IllegalArgumentException("feedback packet type " + packetType + " is not 205 or 206");
        }
        if (format < 0 || format > 31) {
            throw new IllegalArgumentException("feedback format " + format + " is not 0..31");
        }
        RtcpHeader.requireU32("sender SSRC", senderSsrc);
        RtcpHeader.requireU32("media SSRC", mediaSsrc);
    }

    @Override
    public int length() {
        return MIN_LENGTH;
    }

    @Override
    public int writeTo(byte[] out, int offset) {
        RtcpHeader.requireRoom(out, offset, MIN_LENGTH);
        RtcpHeader.write(out, offset, format, packetType, MIN_LENGTH);
        BigEndian.put32(out, offset + 4, senderSsrc);
        BigEndian.put32(out, offset + 8, mediaSsrc);
        return MIN_LENGTH;
    }
}
