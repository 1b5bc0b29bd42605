package org.switchboard.media.rtp;

/**
 * One packet of a compound RTCP packet (RFC 3550 §6.4-6.6; RFC 4585 §6.1 for feedback), as
 * {@link RtcpParser} reads it and as it writes itself. APP (204), XR (207) and unknown types are
 * skipped by the parser, not represented.
 */
public sealed interface RtcpPacket
        permits RtcpSenderReport, RtcpReceiverReport, RtcpSdes, RtcpBye, RtcpFeedback {

    /** Sender report, §6.4.1. */
    int SR = 200;
    /** Receiver report, §6.4.2. */
    int RR = 201;
    /** Source description, §6.5. */
    int SDES = 202;
    /** Goodbye, §6.6. */
    int BYE = 203;
    /** Application-defined, §6.7 (skipped). */
    int APP = 204;
    /** Transport-layer feedback, RFC 4585 §6.1. */
    int RTPFB = 205;
    /** Payload-specific feedback, RFC 4585 §6.1. */
    int PSFB = 206;

    /** The packet type of the common header. */
    int packetType();

    /** The encoded length in bytes, header included (a multiple of 4). */
    int length();

    /**
     * Writes the packet at {@code offset} and returns {@link #length()}.
     *
     * @throws IllegalArgumentException when {@code out} has no room
     */
    int writeTo(byte[] out, int offset);
}
