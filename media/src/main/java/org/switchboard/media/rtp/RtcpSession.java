package org.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The RTCP side of one leg (RFC 3550 §6), sans-IO: the caller reports every RTP packet it sends
 * and receives and every RTCP datagram that arrives, asks for a report when
 * {@link #nextReportAt()} is due, and sends the bytes it gets. Times are monotonic nanoseconds
 * ({@code nowNanos}, for intervals and DLSR) and wall milliseconds ({@code wallMillis}, for NTP
 * timestamps and round trips); there is no clock inside.
 *
 * <p>The leg's peer is one remote source. When the peer changes SSRC (a restarted phone, a
 * re-INVITE towards another device), the new SSRC goes through probation (A.1) on a spare
 * {@link RtpSourceStats} and takes over once {@link RtpSourceStats#MIN_SEQUENTIAL} of its packets
 * arrived with none from the old one between: two interleaved streams never make it flap.
 *
 * <p>Reports are compound (§6.1): an SR when we sent RTP since the previous report, else an RR,
 * with one report block about the remote source if it sent since then, then SDES with our CNAME
 * ({@link #bye} adds a BYE). The next report is scheduled per §6.3 and A.7 ({@link RtcpInterval}).
 *
 * <p>Mutable and not thread-safe: every method, {@link #stats()} included, runs on the leg's
 * thread; the {@link RtpLegStats} record it returns may then go anywhere. {@link #onRtpReceived}
 * and {@link #onRtpSent} allocate nothing; reports allocate a few small records every few seconds.
 */
public final class RtcpSession {

    /** IPv4 and UDP header octets, counted in the average RTCP size (§6.2). */
    public static final int IP_UDP_OVERHEAD = 28;
    /** The RTCP share of the session bandwidth (§6.2). */
    public static final double RTCP_BANDWIDTH_FRACTION = 0.05;

    private final long localSsrc;
    private final int clockRate;
    private final double rtcpBytesPerSecond;
    private final RandomGenerator random;
    private final RtcpSdes sdes;

    private long packetsSent;
    private long octetsSent;
    private boolean sentSinceReport;
    private boolean sentAny;
    private long lastRtpTimestamp;
    private long lastRtpSentNanos;

    private RtpSourceStats current;
    private RtpSourceStats candidate;
    private boolean hasCurrent;
    private boolean hasCandidate;
    private int candidateRun;
    private long packetsReceived;
    private long octetsReceived;
    private boolean remoteSentSinceReport;
    private boolean remoteLeft;
    private String remoteCname;
    private int lastReportedFraction = -1;

    private RtpLegStats.PeerReport peerReport;
    private double roundTripMillis = Double.NaN;
    private Instant lastSenderReport;

    private double averageRtcpSize;
    private boolean initial = true;
    private long nextReportAt;

    /**
     * A session for a leg.
     *
     * @param localSsrc            our SSRC towards this leg (random, §8.1)
     * @param cname                our CNAME (§6.5.1), at most 255 octets of UTF-8
     * @param clockRate            the RTP clock rate of the leg's codec (timestamp units per second)
     * @param sessionBitsPerSecond the session bandwidth (SDP {@code b=AS}, or the codec's rate
     *                             with headers); RTCP takes 5% of it
     * @param random               randomises the report interval (§6.3.1)
     * @param nowNanos             the monotonic time now: the first report is due 1-3 s later
     * @throws IllegalArgumentException when an argument is out of range
     */
    public RtcpSession(long localSsrc, String cname, int clockRate, int sessionBitsPerSecond,
                       RandomGenerator random, long nowNanos) {
        if (cname == null || cname.isEmpty() || cname.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("a CNAME holds 1..255 octets of UTF-8 text");
        }
        if (clockRate <= 0 || sessionBitsPerSecond <= 0 || random == null) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz and session bandwidth "
                    + sessionBitsPerSecond + " bit/s must be positive, and a random generator given");
        }
        this.localSsrc = RtcpHeader.requireU32("SSRC", localSsrc);
        this.clockRate = clockRate;
        this.rtcpBytesPerSecond = sessionBitsPerSecond * RTCP_BANDWIDTH_FRACTION / 8;
        this.random = random;
        this.sdes = RtcpSdes.ofCname(localSsrc, cname);
        this.current = new RtpSourceStats(0, clockRate);
        this.candidate = new RtpSourceStats(0, clockRate);
        this.averageRtcpSize = RtcpReceiverReport.MIN_LENGTH + RtcpReportBlock.LENGTH + sdes.length() + IP_UDP_OVERHEAD;
        this.nextReportAt = nowNanos + interval();
    }

    /** Counts an RTP packet we sent with {@code payloadBytes} of payload and {@code rtpTimestamp}. */
    public void onRtpSent(int payloadBytes, long rtpTimestamp, long nowNanos) {
        packetsSent++;
        octetsSent += Math.max(0, payloadBytes);
        lastRtpTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        lastRtpSentNanos = nowNanos;
        sentSinceReport = true;
        sentAny = true;
    }

    /**
     * Counts an RTP packet received from the peer and updates the reception statistics of its
     * source. Returns what it did to them ({@link RtpSourceStats.Outcome#INVALID} for an invalid
     * view, which changes nothing).
     */
    public RtpSourceStats.Outcome onRtpReceived(RtpView packet, long arrivalNanos) {
        if (!packet.isValid()) {
            return RtpSourceStats.Outcome.INVALID;
        }
        long ssrc = packet.ssrc();
        if (!hasCurrent) {
            current.reset(ssrc);
            hasCurrent = true;
        }
        RtpSourceStats.Outcome outcome;
        if (current.ssrc() == ssrc) {
            candidateRun = 0;
            outcome = current.updateAtNanos(packet.sequence(), packet.timestamp(), arrivalNanos);
        } else {
            if (!hasCandidate || candidate.ssrc() != ssrc) {
                candidate.reset(ssrc);
                hasCandidate = true;
                candidateRun = 0;
            }
            candidateRun++;
            outcome = candidate.updateAtNanos(packet.sequence(), packet.timestamp(), arrivalNanos);
            if (candidate.isValid() && candidateRun >= RtpSourceStats.MIN_SEQUENTIAL) {
                switchToCandidate();
            }
        }
        packetsReceived++;
        octetsReceived += packet.payloadLength();
        remoteSentSinceReport = true;
        remoteLeft = false;
        return outcome;
    }

    private void switchToCandidate() {
        RtpSourceStats old = current;
        current = candidate;
        candidate = old;
        hasCandidate = false;
        candidateRun = 0;
        remoteCname = null;
        lastReportedFraction = -1;
    }

    /**
     * Takes in an RTCP datagram from the peer: SRs give LSR for our next report block, report
     * blocks about our SSRC give the peer's view and the round trip, SDES the CNAME, BYE marks
     * the peer gone. Returns the parse result (an invalid datagram changes nothing).
     */
    public RtcpParseResult onRtcpReceived(byte[] bytes, int offset, int length, long nowNanos, long wallMillis) {
        RtcpParseResult result = RtcpParser.parse(bytes, offset, length);
        if (result instanceof RtcpParseResult.Parsed parsed) {
            averageRtcpSize = (length + IP_UDP_OVERHEAD) / 16.0 + averageRtcpSize * 15 / 16;
            for (RtcpPacket packet : parsed.packets()) {
                switch (packet) {
                    case RtcpSenderReport sr -> {
                        onSenderReport(sr, nowNanos, wallMillis);
                        onReportBlocks(sr.reportBlocks(), wallMillis);
                    }
                    case RtcpReceiverReport rr -> onReportBlocks(rr.reportBlocks(), wallMillis);
                    case RtcpSdes description -> {
                        if (hasCurrent) {
                            description.cnameOf(current.ssrc()).ifPresent(c -> remoteCname = c);
                        }
                    }
                    case RtcpBye bye -> {
                        if (hasCurrent && bye.ssrcs().contains(current.ssrc())) {
                            remoteLeft = true;
                        }
                    }
                    case RtcpFeedback ignored -> { }
                }
            }
        }
        return result;
    }

    private void onSenderReport(RtcpSenderReport sr, long nowNanos, long wallMillis) {
        if (!hasCurrent) {
            current.reset(sr.ssrc());
            hasCurrent = true;
        }
        if (current.ssrc() == sr.ssrc()) {
            current.onSenderReport(sr.senderInfo().ntpTimestamp(), nowNanos);
            lastSenderReport = Instant.ofEpochMilli(wallMillis);
        } else if (hasCandidate && candidate.ssrc() == sr.ssrc()) {
            candidate.onSenderReport(sr.senderInfo().ntpTimestamp(), nowNanos);
        }
    }

    private void onReportBlocks(List<RtcpReportBlock> blocks, long wallMillis) {
        for (RtcpReportBlock block : blocks) {
            if (block.ssrc() != localSsrc) {
                continue;
            }
            peerReport = new RtpLegStats.PeerReport(block.fractionLostPercent(), block.cumulativeLost(),
                    block.jitter() * 1000.0 / clockRate, Instant.ofEpochMilli(wallMillis));
            NtpTime.roundTripMillis(NtpTime.compactOfUnixMillis(wallMillis), block.lastSenderReport(),
                    block.delaySinceLastSenderReport()).ifPresent(rtt -> roundTripMillis = rtt);
        }
    }

    /** When the next report is due, in the caller's monotonic nanoseconds. */
    public long nextReportAt() {
        return nextReportAt;
    }

    /** The longest datagram {@link #buildReport} or {@link #bye} writes: size the buffer with it. */
    public int maxPacketLength() {
        return RtcpSenderReport.MIN_LENGTH + RtcpReportBlock.LENGTH + sdes.length() + 8;
    }

    /** {@link #buildReport(long, long, byte[], int)} at offset 0. */
    public int buildReport(long nowNanos, long wallMillis, byte[] out) {
        return buildReport(nowNanos, wallMillis, out, 0);
    }

    /**
     * Writes the compound report due now (SR or RR, then SDES) at {@code offset} of {@code out},
     * returns its length, starts a new reporting interval and schedules the next report.
     *
     * @throws IllegalArgumentException when {@code out} has less room than {@link #maxPacketLength()}
     */
    public int buildReport(long nowNanos, long wallMillis, byte[] out, int offset) {
        RtpWriter.requireRoom(out, offset, maxPacketLength());
        int length = writeReport(nowNanos, wallMillis, out, offset);
        afterSending(nowNanos, length);
        return length;
    }

    /**
     * Writes a final compound report with a BYE for our SSRC (§6.6) at {@code offset} of
     * {@code out} and returns its length. Sent when the leg ends.
     *
     * @throws IllegalArgumentException when {@code out} has less room than {@link #maxPacketLength()}
     */
    public int bye(long nowNanos, long wallMillis, byte[] out, int offset) {
        RtpWriter.requireRoom(out, offset, maxPacketLength());
        int length = writeReport(nowNanos, wallMillis, out, offset);
        length += RtcpBye.of(localSsrc).writeTo(out, offset + length);
        afterSending(nowNanos, length);
        return length;
    }

    private int writeReport(long nowNanos, long wallMillis, byte[] out, int offset) {
        List<RtcpReportBlock> blocks = List.of();
        if (hasCurrent && current.receivedSinceReport()) {
            RtcpReportBlock block = current.reportBlock(nowNanos);
            lastReportedFraction = block.fractionLost();
            blocks = List.of(block);
        }
        RtcpPacket head = sentSinceReport
                ? new RtcpSenderReport(localSsrc, senderInfo(nowNanos, wallMillis), blocks)
                : new RtcpReceiverReport(localSsrc, blocks);
        int length = head.writeTo(out, offset);
        return length + sdes.writeTo(out, offset + length);
    }

    /** §6.4.1: the RTP timestamp of the SR's instant, extrapolated from the last packet sent. */
    private RtcpSenderInfo senderInfo(long nowNanos, long wallMillis) {
        long rtpNow = 0;
        if (sentAny) {
            int elapsed = RtpTimestamp.unitsOfNanos(nowNanos, clockRate)
                    - RtpTimestamp.unitsOfNanos(lastRtpSentNanos, clockRate);
            rtpNow = RtpTimestamp.add(lastRtpTimestamp, elapsed);
        }
        return new RtcpSenderInfo(NtpTime.fromUnixMillis(wallMillis), rtpNow,
                packetsSent & 0xFFFF_FFFFL, octetsSent & 0xFFFF_FFFFL);
    }

    private void afterSending(long nowNanos, int length) {
        averageRtcpSize = (length + IP_UDP_OVERHEAD) / 16.0 + averageRtcpSize * 15 / 16;
        initial = false;
        nextReportAt = nowNanos + interval();
        sentSinceReport = false;
        remoteSentSinceReport = false;
    }

    /** A.7 with this leg's members and senders. */
    private long interval() {
        int members = 1 + (hasCurrent && !remoteLeft ? 1 : 0);
        int senders = (sentSinceReport ? 1 : 0) + (remoteSentSinceReport ? 1 : 0);
        return RtcpInterval.nanos(members, senders, rtcpBytesPerSecond, sentSinceReport, averageRtcpSize,
                initial, random);
    }

    /** Our SSRC. */
    public long localSsrc() {
        return localSsrc;
    }

    /** Whether the peer sent a BYE for its source (and no RTP since). */
    public boolean remoteLeft() {
        return remoteLeft;
    }

    /** A snapshot of the leg's figures now. */
    public RtpLegStats stats() {
        double fraction = !hasCurrent ? 0
                : (lastReportedFraction >= 0 ? lastReportedFraction : current.fractionLostSinceReport());
        return new RtpLegStats(localSsrc,
                hasCurrent ? OptionalLong.of(current.ssrc()) : OptionalLong.empty(),
                Optional.ofNullable(remoteCname),
                packetsSent, octetsSent, packetsReceived, octetsReceived,
                hasCurrent ? current.cumulativeLost() : 0,
                fraction * 100 / 256,
                hasCurrent ? current.jitterMillis() : 0,
                Double.isNaN(roundTripMillis) ? OptionalDouble.empty() : OptionalDouble.of(roundTripMillis),
                Optional.ofNullable(peerReport),
                Optional.ofNullable(lastSenderReport));
    }
}
