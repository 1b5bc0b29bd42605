package org.switchboard.media.relay;

/**
 * The cheapest test that a datagram may be RTP or RTCP, done before a packet may teach a
 * {@link SourceLatch} anything: version 2 (RFC 3550 §5.1, §6.4) and room for the fixed header.
 * STUN (first two bits 00, RFC 5389 §6), DTLS and random bytes fail it; the relay does not look
 * further, so codecs and extensions pass untouched.
 */
public final class RtpFixedHeader {

    /** RTP fixed header length, RFC 3550 §5.1. */
    public static final int RTP_MIN_LENGTH = 12;
    /** RTCP common header plus sender SSRC, RFC 3550 §6.4. */
    public static final int RTCP_MIN_LENGTH = 8;

    private RtpFixedHeader() {
    }

    /** Whether a datagram starting with {@code firstByte} and {@code length} bytes long may be RTP. */
    public static boolean plausibleRtp(int firstByte, int length) {
        return length >= RTP_MIN_LENGTH && (firstByte & 0xC0) == 0x80;
    }

    /** Whether a datagram starting with {@code firstByte} and {@code length} bytes long may be RTCP. */
    public static boolean plausibleRtcp(int firstByte, int length) {
        return length >= RTCP_MIN_LENGTH && (firstByte & 0xC0) == 0x80;
    }

    /**
     * Whether a datagram on an RTP port may be RTP, or RTCP multiplexed onto it (RFC 5761 §4:
     * second byte 192..223 is an RTCP packet type, a range RTP payload types avoid).
     */
    public static boolean plausibleOnRtpPort(int firstByte, int secondByte, int length) {
        return plausibleRtp(firstByte, length)
                || (plausibleRtcp(firstByte, length) && secondByte >= 192 && secondByte <= 223);
    }
}
