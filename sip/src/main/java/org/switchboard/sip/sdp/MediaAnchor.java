package org.switchboard.sip.sdp;

/**
 * The server's ports for one stream of one leg. RTCP on the next port up is the RFC 3550
 * §11 default and needs no attribute; any other RTCP port is announced with
 * {@code a=rtcp} (RFC 3605). Port 0 disables the stream.
 */
public record MediaAnchor(int rtpPort, int rtcpPort) {

    /** No port: the stream is disabled (port 0) in the rewritten description. */
    public static final MediaAnchor NONE = new MediaAnchor(0, 0);

    public MediaAnchor {
        if (rtpPort < 0 || rtpPort > 65_535 || rtcpPort < 0 || rtcpPort > 65_535) {
            throw new IllegalArgumentException("port out of range");
        }
        if (rtpPort == 0 && rtcpPort != 0) throw new IllegalArgumentException("RTCP port without RTP port");
    }

    /** RTP on {@code rtpPort}, RTCP on the next port. */
    public static MediaAnchor of(int rtpPort) { return new MediaAnchor(rtpPort, rtpPort == 0 ? 0 : rtpPort + 1); }

    public boolean isNone() { return rtpPort == 0; }

    /** True when RTCP is not on the next port, so {@code a=rtcp} must say where it is. */
    boolean needsRtcpAttribute() { return rtpPort != 0 && rtcpPort != rtpPort + 1; }
}
