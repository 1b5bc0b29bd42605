package org.switchboard.media.rtp;

import java.util.List;

/** What {@link RtcpParser} made of a datagram: its packets, or why it is not valid compound RTCP. */
public sealed interface RtcpParseResult {

    /**
     * A valid compound packet.
     *
     * @param packets its SR, RR, SDES, BYE and feedback packets in order (APP, XR and unknown
     *                types skipped); the first is always an SR or RR
     */
    record Parsed(List<RtcpPacket> packets) implements RtcpParseResult {
        public Parsed {
            packets = List.copyOf(packets);
        }
    }

    /**
     * Not valid compound RTCP (RFC 3550 A.2); the datagram should be dropped and counted.
     *
     * @param reason what is wrong and at which byte, for logs and counters
     */
    record Invalid(String reason) implements RtcpParseResult {
    }
}
