package org.switchboard.media.relay;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one leg's media, RTP and RTCP together; "in" is what the phone sent us, "out"
 * what we sent the phone.
 *
 * @param legId       the leg
 * @param ports       its local RTP/RTCP pair
 * @param packetsIn   packets accepted from the phone's source
 * @param bytesIn     their UDP payload bytes
 * @param packetsOut  packets relayed to the phone
 * @param bytesOut    their UDP payload bytes
 * @param dropped     packets received or due to be sent but dropped, for any reason, foreign
 *                    sources included
 * @param foreignDrops packets dropped because they came from a source the latch refused
 *                    (RTP bleed attempts, stray late packets)
 * @param rtpSource   the learned RTP source of the phone, if any
 * @param rtcpSource  the learned RTCP source, if any
 * @param locked      whether the RTP source is locked for good
 * @param lastRtp     when the last RTP packet was accepted, if any
 */
public record MediaStats(String legId, PortPair ports, long packetsIn, long bytesIn, long packetsOut, long bytesOut,
                         long dropped, long foreignDrops, Optional<InetSocketAddress> rtpSource,
                         Optional<InetSocketAddress> rtcpSource, boolean locked, Optional<Instant> lastRtp) {

    public MediaStats {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(rtpSource, "rtpSource");
        Objects.requireNonNull(rtcpSource, "rtcpSource");
        Objects.requireNonNull(lastRtp, "lastRtp");
    }
}
