package org.switchboard.media.relay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.switchboard.media.rtp.RtpLegStats;

/**
 * How one leg's media is doing now, as {@code switchboard calls --json} shows it: its counters,
 * the quality of what its phone sends the server (RFC 3550 A.3 loss, A.8 jitter), the round
 * trip between the server and the phone (§6.4.1), and what the phone itself reports about what
 * it receives. The figures mean the same in both modes; only where they come from differs.
 *
 * <ul>
 * <li>{@link Mode#RELAYED} ({@link QualityWatch}): loss and jitter are measured on the phone's
 *     RTP as it passes. The phone's report is its latest report block about the other phone's
 *     stream (which we relay to it), read from the RTCP it sends that phone; we never send RTCP
 *     of our own on a relayed leg. The round trip is server to phone and back: the phone's block
 *     echoes an SR of the other phone that we relayed to it, so the time from relaying that SR to
 *     receiving the block, less the phone's DLSR, is measured on our clock alone. It stays empty
 *     while the other phone sends no SR (or when the legs run on different media threads).</li>
 * <li>{@link Mode#TERMINATED} (the leg's {@link org.switchboard.media.rtp.RtcpSession}): the
 *     server is the phone's RTP peer, so loss and jitter are those of our own reception, the
 *     phone's report is its block about our stream, and the round trip comes from our own SRs.</li>
 * </ul>
 *
 * @param mode            whether the leg's media is relayed or ends in the server now
 * @param counters        packets and bytes in and out (RTP and RTCP datagrams on the wire), SRTP, drops
 * @param packetsLost     packets of the phone's current RTP source that never arrived (A.3; negative
 *                        when duplicates outnumber losses)
 * @param lossPercent     the share of the phone's packets lost over the last interval of about five
 *                        seconds (before the first one ends: since the start), in percent
 * @param jitterMillis    interarrival jitter of the phone's packets; empty when the codec's clock
 *                        rate is not known
 * @param roundTripMillis the latest round trip between the server and the phone; empty until one
 *                        could be measured
 * @param phoneReport     the phone's own view of the stream it receives, from its latest RTCP report
 */
public record LegQuality(Mode mode, MediaStats counters, long packetsLost, double lossPercent,
                         OptionalDouble jitterMillis, OptionalDouble roundTripMillis,
                         Optional<PhoneReport> phoneReport) {

    /** Where the leg's media goes now. */
    public enum Mode {
        /** Relayed to and from the bridged leg, untouched. */
        RELAYED,
        /** Ending in the server ({@link MediaEndpoint#terminate}): music, prompts, recording, transcoding. */
        TERMINATED
    }

    /**
     * What the phone says about the stream it receives, from a report block of its RTCP (§6.4.1).
     *
     * @param lossPercent  the share it lost over its last report interval, in percent
     * @param packetsLost  the packets it lost in all
     * @param jitterMillis the interarrival jitter it measures; empty when the clock rate is not known
     * @param receivedAt   when the report arrived (wall time)
     */
    public record PhoneReport(double lossPercent, long packetsLost, OptionalDouble jitterMillis, Instant receivedAt) {
        public PhoneReport {
            Objects.requireNonNull(jitterMillis, "jitterMillis");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    public LegQuality {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(jitterMillis, "jitterMillis");
        Objects.requireNonNull(roundTripMillis, "roundTripMillis");
        Objects.requireNonNull(phoneReport, "phoneReport");
    }

    /** A terminated leg's figures: its counters and its RTCP session's statistics. */
    public static LegQuality terminated(MediaStats counters, RtpLegStats rtp) {
        Optional<PhoneReport> report = rtp.peerReport().map(p -> new PhoneReport(p.fractionLostPercent(),
                p.cumulativeLost(), OptionalDouble.of(p.jitterMillis()), p.receivedAt()));
        return new LegQuality(Mode.TERMINATED, counters, rtp.cumulativeLost(), rtp.fractionLostPercent(),
                OptionalDouble.of(rtp.jitterMillis()), rtp.roundTripMillis(), report);
    }

    /** The counters alone, for an endpoint that does not watch its packets (a test double). */
    public static LegQuality countersOnly(MediaStats counters) {
        return new LegQuality(Mode.RELAYED, counters, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty());
    }
}
