package org.switchboard.media.rtp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A snapshot of one leg's RTP and RTCP figures, as {@code ./switchboard calls --json} shows them:
 * what we sent, what we received and how well (our reception statistics, RFC 3550 A.3, A.8),
 * the round trip (§6.4.1), and what the peer reports about our stream.
 *
 * @param localSsrc           our SSRC towards this leg
 * @param remoteSsrc          the SSRC we receive from, once one is heard
 * @param remoteCname         the peer's CNAME from its SDES, if seen
 * @param packetsSent         RTP packets we sent
 * @param octetsSent          their payload octets
 * @param packetsReceived     valid RTP packets received (every one, probation and duplicates included)
 * @param octetsReceived      their payload octets
 * @param cumulativeLost      packets lost from the current remote source (A.3; negative with duplicates)
 * @param fractionLostPercent loss over our last report interval, in percent (before our first
 *                            report: since the start)
 * @param jitterMillis        interarrival jitter of what we receive, in milliseconds
 * @param roundTripMillis     the latest round trip computed from the peer's report blocks
 * @param peerReport          the peer's view of our stream, from its latest report block about us
 * @param lastSenderReport    when the peer's latest SR arrived (wall time)
 */
public record RtpLegStats(long localSsrc, OptionalLong remoteSsrc, Optional<String> remoteCname,
                          long packetsSent, long octetsSent, long packetsReceived, long octetsReceived,
                          long cumulativeLost, double fractionLostPercent, double jitterMillis,
                          OptionalDouble roundTripMillis, Optional<PeerReport> peerReport,
                          Optional<Instant> lastSenderReport) {

    public RtpLegStats {
        Objects.requireNonNull(remoteSsrc, "remoteSsrc");
        Objects.requireNonNull(remoteCname, "remoteCname");
        Objects.requireNonNull(roundTripMillis, "roundTripMillis");
        Objects.requireNonNull(peerReport, "peerReport");
        Objects.requireNonNull(lastSenderReport, "lastSenderReport");
    }

    /**
     * What the peer said about our stream in its latest report block about our SSRC.
     *
     * @param fractionLostPercent loss over the peer's last interval, in percent
     * @param cumulativeLost      packets of ours the peer lost in all
     * @param jitterMillis        the jitter the peer measures on our stream, in milliseconds
     * @param receivedAt          when that report arrived (wall time)
     */
    public record PeerReport(double fractionLostPercent, long cumulativeLost, double jitterMillis,
                             Instant receivedAt) {
        public PeerReport {
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }
}
