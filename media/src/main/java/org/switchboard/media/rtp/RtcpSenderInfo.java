package org.switchboard.media.rtp;

/**
 * The sender information of an SR (RFC 3550 §6.4.1).
 *
 * @param ntpTimestamp the wall time of the report as a 64-bit NTP timestamp ({@link NtpTime})
 * @param rtpTimestamp the same instant in the sender's RTP timestamp units, unsigned 32-bit
 * @param packetCount  RTP packets sent since starting, modulo 2^32
 * @param octetCount   payload octets sent since starting (headers and padding excluded), modulo 2^32
 */
public record RtcpSenderInfo(long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {

    /** Encoded length: five 32-bit words. */
    public static final int LENGTH = 20;

    public RtcpSenderInfo {
        RtcpHeader.requireU32("RTP timestamp", rtpTimestamp);
        RtcpHeader.requireU32("packet count", packetCount);
        RtcpHeader.requireU32("octet count", octetCount);
    }

    static RtcpSenderInfo read(byte[] b, int at) {
        return new RtcpSenderInfo(BigEndian.i64(b, at), BigEndian.u32(b, at + 8), BigEndian.u32(b, at + 12),
                BigEndian.u32(b, at + 16));
    }

    void write(byte[] out, int at) {
        BigEndian.put64(out, at, ntpTimestamp);
        BigEndian.put32(out, at + 8, rtpTimestamp);
        BigEndian.put32(out, at + 12, packetCount);
        BigEndian.put32(out, at + 16, octetCount);
    }
}
