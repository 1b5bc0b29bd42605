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
 * @param srtp        whether the leg terminates SRTP ({@link MediaEndpoint#useSrtp})
 * @param authFailures SRTP/SRTCP packets from the phone dropped because they did not
 *                    authenticate or decrypt (RFC 3711 §3.3 step 5), counted in {@code dropped} too
 * @param replays     SRTP/SRTCP packets from the phone dropped as replayed or too old
 *                    (RFC 3711 §3.3.2), counted in {@code dropped} too
 */
public record MediaStats(String legId, PortPair ports, long packetsIn, long bytesIn, long packetsOut, long bytesOut,
                         long dropped, long foreignDrops, Optional<InetSocketAddress> rtpSource,
                         Optional<InetSocketAddress> rtcpSource, boolean locked, Optional<Instant> lastRtp,
                         boolean srtp, long authFailures, long replays) {

    public MediaStats {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(rtpSource, "rtpSource");
        Objects.requireNonNull(rtcpSource, "rtcpSource");
        Objects.requireNonNull(lastRtp, "lastRtp");
    }

    /** A snapshot of a plain RTP leg. */
    public MediaStats(String legId, PortPair ports, long packetsIn, long bytesIn, long packetsOut, long bytesOut,
                      long dropped, long foreignDrops, Optional<InetSocketAddress> rtpSource,
                      Optional<InetSocketAddress> rtcpSource, boolean locked, Optional<Instant> lastRtp) {
        this(legId, ports, packetsIn, bytesIn, packetsOut, bytesOut, dropped, foreignDrops, rtpSource, rtcpSource, locked,
                lastRtp, false, 0, 0);
    }
}
