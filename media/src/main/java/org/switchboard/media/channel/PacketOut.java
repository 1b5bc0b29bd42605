package org.switchboard.media.channel;

/**
 * Where a {@link LegAudio} puts the packets it sends its phone; the socket layer implements it.
 * The bytes belong to the leg and are rewritten after the call returns: copy them.
 */
public interface PacketOut {

    /** An RTP packet (RFC 3550 §5.1), header included. */
    void rtp(byte[] packet, int offset, int length);

    /** A compound RTCP packet (RFC 3550 §6.1). */
    void rtcp(byte[] packet, int offset, int length);
}
