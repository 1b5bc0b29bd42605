/**
 * RTP and RTCP (RFC 3550), sans-IO: bytes and times in, bytes and values out. No sockets, no
 * threads, no clock: the caller passes monotonic nanoseconds (arrival, scheduling) and wall
 * milliseconds (NTP timestamps of RFC 3550 §4).
 *
 * <ul>
 *   <li>{@link org.switchboard.media.rtp.RtpView}: a zero-copy, re-pointable reader of an RTP
 *       packet (§5.1, §5.3.1, RFC 8285 elements through {@link org.switchboard.media.rtp.RtpExtensionElements});
 *       {@link org.switchboard.media.rtp.RtpWriter} writes headers into the caller's array;
 *       {@link org.switchboard.media.rtp.RtpSequence} and {@link org.switchboard.media.rtp.RtpTimestamp}
 *       do wrap-around arithmetic.</li>
 *   <li>{@link org.switchboard.media.rtp.RtpSourceStats}: reception statistics of one source
 *       (sequence validation, loss and jitter of appendix A.1, A.3, A.8).</li>
 *   <li>{@link org.switchboard.media.rtp.RtcpParser} validates and parses compound RTCP (§6.4-6.6,
 *       A.2) into {@link org.switchboard.media.rtp.RtcpPacket} values, which also write themselves;
 *       {@link org.switchboard.media.rtp.RtcpMux} tells RTP from RTCP (RFC 5761) and both from
 *       STUN and DTLS (RFC 7983) on one port.</li>
 *   <li>{@link org.switchboard.media.rtp.RtcpSession}: the RTCP side of one leg: counts what is
 *       sent and received, builds SR/RR + SDES (+ BYE), schedules reports (§6.3, A.7), and gives a
 *       {@link org.switchboard.media.rtp.RtpLegStats} snapshot (loss, jitter, round-trip).</li>
 * </ul>
 *
 * <p>Written by hand rather than taken from a library: the maintained Java RTP stacks (Jitsi's)
 * come with their own threading, packet pools and clocks, while a PBX needs the RFC algorithms as
 * small allocation-free functions that its own media threads call. The receive path (re-pointing a
 * view, updating the statistics) allocates nothing per packet.
 */
package org.switchboard.media.rtp;
