package org.switchboard.media.rtp;

/**
 * Tells apart what arrives on one UDP port: RTP and RTCP multiplexed (RFC 5761 §4: the second
 * octet of RTCP is a packet type 192..223, a range dynamic RTP payload types must avoid), and
 * STUN and DTLS beside them (RFC 7983 §7, by the first octet: 0..3 STUN, 20..63 DTLS,
 * 128..191 RTP/RTCP). Only the first two octets and the length are looked at.
 */
public final class RtcpMux {

    /** What a datagram on a muxed port is. */
    public enum Kind {
        RTP, RTCP, STUN, DTLS, UNKNOWN
    }

    private RtcpMux() {
    }

    /** Classifies {@code length} bytes of {@code bytes} from {@code offset}. Never throws. */
    public static Kind classify(byte[] bytes, int offset, int length) {
        if (bytes == null || !BigEndian.inBounds(bytes.length, offset, length) || length < 2) {
            return Kind.UNKNOWN;
        }
        int first = bytes[offset] & 0xFF;
        if (first <= 3) {
            return length >= 20 ? Kind.STUN : Kind.UNKNOWN;
        }
        if (first >= 20 && first <= 63) {
            return length >= 13 ? Kind.DTLS : Kind.UNKNOWN;
        }
        if (first >= 128 && first <= 191) {
            if (isRtcpType(bytes[offset + 1] & 0xFF)) {
                return length >= RtcpReceiverReport.MIN_LENGTH ? Kind.RTCP : Kind.UNKNOWN;
            }
            return length >= RtpView.FIXED_HEADER_LENGTH ? Kind.RTP : Kind.UNKNOWN;
        }
        return Kind.UNKNOWN;
    }

    /** Whether the second octet of a version-2 packet makes it RTCP (192..223, RFC 5761 §4). */
    public static boolean isRtcpType(int secondOctet) {
        return secondOctet >= 192 && secondOctet <= 223;
    }
}
