package org.switchboard.media.relay;

/**
 * One leg's UDP ports: RTP on an even port, RTCP on the odd port just above it
 * (RFC 3550 §11, the convention SDP assumes when no {@code a=rtcp} is given, RFC 3605).
 *
 * @param rtp the even RTP port, 2..65534
 */
public record PortPair(int rtp) {

    public PortPair {
        if (rtp < 2 || rtp > 65_534 || (rtp & 1) != 0) {
            throw new IllegalArgumentException("RTP port must be even and 2..65534, got " + rtp);
        }
    }

    /** The RTCP port: {@code rtp + 1}. */
    public int rtcp() {
        return rtp + 1;
    }

    @Override
    public String toString() {
        return rtp + "/" + rtcp();
    }
}
