package org.switchboard.media.relay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.switchboard.media.rtp.NtpTime;
import org.switchboard.media.rtp.RtcpPacket;
import org.switchboard.media.rtp.RtcpParseResult;
import org.switchboard.media.rtp.RtcpParser;
import org.switchboard.media.rtp.RtcpReceiverReport;
import org.switchboard.media.rtp.RtcpReportBlock;
import org.switchboard.media.rtp.RtcpSenderReport;
import org.switchboard.media.rtp.RtpSourceStats;
import org.switchboard.media.rtp.RtpTimestamp;

/**
 * The quality figures of a relayed leg, learnt by watching its phone's packets pass, read-only:
 * nothing is sent and nothing is changed. Sans-IO: the relay hands in the header fields of each
 * RTP packet it accepts from the phone and each RTCP datagram, with the time; {@link #quality}
 * makes the snapshot ({@link LegQuality} says what each figure means).
 *
 * <ul>
 * <li>Loss and jitter of the phone's stream: RFC 3550 A.1/A.3 sequence accounting on every packet,
 *     A.8 jitter on the packets of the voice payload type only, at its clock rate ({@link #format});
 *     an RFC 4733 event repeats its start time and would read as delay. One remote source at a
 *     time: a new SSRC takes over after {@link RtpSourceStats#MIN_SEQUENTIAL} packets in a row, as in
 *     {@link org.switchboard.media.rtp.RtcpSession}. The loss percentage covers intervals of
 *     {@link #INTERVAL_NANOS}, rolled by the packets themselves.</li>
 * <li>The phone's report: its latest report block about the other phone's current SSRC (or its
 *     first block while that one is not known yet).</li>
 * <li>Round trip server-phone: an SR of the other phone relayed towards this phone is remembered
 *     ({@link #relayedSenderReport}, the last {@value #REMEMBERED_SENDER_REPORTS}); a block of this
 *     phone that echoes it as LSR arrives after round trip + DLSR (§6.4.1), on our clock alone.</li>
 * </ul>
 *
 * <p>Mutable, one thread (the leg's media thread), and so is the partner given to
 * {@link #onRtcp}. {@link #onRtp} is a few integer operations and allocates nothing; an RTCP
 * datagram (one every few seconds) is parsed into small records.
 */
public final class QualityWatch {

    /** Length of the loss interval: about an RTCP report interval (RFC 3550 §6.2). */
    public static final long INTERVAL_NANOS = 5_000_000_000L;
    /** Relayed SRs remembered per leg: a phone echoes the latest one it got, which may not be the very last. */
    static final int REMEMBERED_SENDER_REPORTS = 4;
    /** Any rate will do: {@link RtpSourceStats} is fed arrival times already in the clock's units. */
    private static final int NOMINAL_RATE = 8000;
    private static final int UNKNOWN = -1;

    private int voicePayloadType = UNKNOWN;
    private int clockRate;

    private RtpSourceStats current = new RtpSourceStats(0, NOMINAL_RATE);
    private RtpSourceStats candidate = new RtpSourceStats(0, NOMINAL_RATE);
    private boolean hasCurrent;
    private boolean hasCandidate;
    private int candidateRun;
    private long intervalStartNanos;
    private boolean intervalEnded;

    private RtcpReportBlock phoneBlock;
    private long phoneBlockWallMillis;
    private final long[] relayedLsr = new long[REMEMBERED_SENDER_REPORTS];
    private final long[] relayedAtNanos = new long[REMEMBERED_SENDER_REPORTS];
    private int nextRelayed;
    private double roundTripMillis = Double.NaN;

    /**
     * The voice format offer/answer settled on: jitter is measured on packets of
     * {@code payloadType} at {@code clockRate} Hz. A new clock rate restarts the jitter estimate.
     *
     * @throws IllegalArgumentException when the payload type is not 0..127 or the rate not positive
     */
    public void format(int payloadType, int clockRate) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is not 0..127");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz is not positive");
        }
        if (clockRate != this.clockRate) {
            current.resetJitter();
            candidate.resetJitter();
        }
        this.voicePayloadType = payloadType;
        this.clockRate = clockRate;
    }

    /**
     * An RTP packet accepted from the phone: its payload type, sequence number, timestamp and
     * SSRC (unsigned) as the header has them, and its arrival on a monotonic clock.
     */
    public void onRtp(int payloadType, int sequence, long timestamp, long ssrc, long nowNanos) {
        if (!hasCurrent) {
            hasCurrent = true;
            current.reset(ssrc);
            newInterval(nowNanos);
        }
        if (current.ssrc() == ssrc) {
            candidateRun = 0;
            feed(current, payloadType, sequence, timestamp, nowNanos);
            if (nowNanos - intervalStartNanos >= INTERVAL_NANOS) {
                current.reportBlock(nowNanos);
                intervalStartNanos = nowNanos;
                intervalEnded = true;
            }
            return;
        }
        if (!hasCandidate || candidate.ssrc() != ssrc) {
            candidate.reset(ssrc);
            hasCandidate = true;
            candidateRun = 0;
        }
        candidateRun++;
        feed(candidate, payloadType, sequence, timestamp, nowNanos);
        if (candidate.isValid() && candidateRun >= RtpSourceStats.MIN_SEQUENTIAL) {
            RtpSourceStats old = current;
            current = candidate;
            candidate = old;
            hasCandidate = false;
            candidateRun = 0;
            newInterval(nowNanos);
        }
    }

    /** {@link #onRtp(int, int, long, long, long)} with the fields read from a packet's first 12 bytes; shorter is ignored. */
    public void onRtp(byte[] packet, int offset, int length, long nowNanos) {
        if (length < 12 || offset < 0 || offset + length > packet.length) {
            return;
        }
        onRtp(packet[offset + 1] & 0x7F, (packet[offset + 2] & 0xFF) << 8 | packet[offset + 3] & 0xFF,
                u32(packet, offset + 4), u32(packet, offset + 8), nowNanos);
    }

    private void feed(RtpSourceStats stats, int payloadType, int sequence, long timestamp, long nowNanos) {
        if (payloadType == voicePayloadType && clockRate > 0) {
            stats.update(sequence, timestamp, RtpTimestamp.unitsOfNanos(nowNanos, clockRate));
        } else {
            stats.countSequence(sequence);
        }
    }

    private void newInterval(long nowNanos) {
        intervalStartNanos = nowNanos;
        intervalEnded = false;
    }

    /**
     * An RTCP datagram from the phone, as it passes (decrypted, for SRTCP). Its SRs are
     * remembered by {@code partner}, towards whose phone they are relayed; its report blocks give
     * the phone's report and the round trip. Not valid compound RTCP (RFC 3550 A.2): ignored.
     *
     * @param partner the watch of the bridged leg when it runs on this thread and relays now,
     *                else null (no SR is remembered and the phone's first block is taken)
     */
    public void onRtcp(byte[] bytes, int offset, int length, long nowNanos, long wallMillis, QualityWatch partner) {
        if (!(RtcpParser.parse(bytes, offset, length) instanceof RtcpParseResult.Parsed parsed)) {
            return;
        }
        for (RtcpPacket packet : parsed.packets()) {
            switch (packet) {
                case RtcpSenderReport sr -> {
                    if (partner != null) {
                        partner.relayedSenderReport(NtpTime.middle32(sr.senderInfo().ntpTimestamp()), nowNanos);
                    }
                    onBlocks(sr.reportBlocks(), partner, nowNanos, wallMillis);
                }
                case RtcpReceiverReport rr -> onBlocks(rr.reportBlocks(), partner, nowNanos, wallMillis);
                default -> { }
            }
        }
    }

    /** An SR with compact NTP time {@code lsr} (§6.4.1) was relayed towards this leg's phone at {@code nowNanos}. */
    void relayedSenderReport(long lsr, long nowNanos) {
        relayedLsr[nextRelayed] = lsr;
        relayedAtNanos[nextRelayed] = nowNanos;
        nextRelayed = (nextRelayed + 1) % REMEMBERED_SENDER_REPORTS;
    }

    private void onBlocks(List<RtcpReportBlock> blocks, QualityWatch partner, long nowNanos, long wallMillis) {
        boolean sourceKnown = partner != null && partner.hasCurrent;
        for (RtcpReportBlock block : blocks) {
            if (sourceKnown && block.ssrc() != partner.current.ssrc()) {
                continue;
            }
            phoneBlock = block;
            phoneBlockWallMillis = wallMillis;
            roundTrip(block, nowNanos);
            return;
        }
    }

    private void roundTrip(RtcpReportBlock block, long nowNanos) {
        long lsr = block.lastSenderReport();
        if (lsr == 0) {
            return;
        }
        for (int i = 0; i < REMEMBERED_SENDER_REPORTS; i++) {
            if (relayedLsr[i] == lsr) {
                long held = block.delaySinceLastSenderReport() * 1_000_000_000L / 65_536;
                long rtt = nowNanos - relayedAtNanos[i] - held;
                if (rtt >= 0) {
                    roundTripMillis = rtt / 1e6;
                }
                return;
            }
        }
    }

    /** The figures now, with the leg's {@code counters}. */
    public LegQuality quality(MediaStats counters) {
        long lost = hasCurrent ? current.cumulativeLost() : 0;
        int fraction = !hasCurrent ? 0 : intervalEnded ? current.lastFractionLost() : current.fractionLostSinceReport();
        OptionalDouble jitter = clockRate > 0 ? OptionalDouble.of(current.jitter() * 1000.0 / clockRate)
                : OptionalDouble.empty();
        Optional<LegQuality.PhoneReport> report = Optional.ofNullable(phoneBlock).map(b -> new LegQuality.PhoneReport(
                b.fractionLostPercent(), b.cumulativeLost(),
                clockRate > 0 ? OptionalDouble.of(b.jitter() * 1000.0 / clockRate) : OptionalDouble.empty(),
                Instant.ofEpochMilli(phoneBlockWallMillis)));
        return new LegQuality(LegQuality.Mode.RELAYED, counters, lost, fraction * 100.0 / 256, jitter,
                Double.isNaN(roundTripMillis) ? OptionalDouble.empty() : OptionalDouble.of(roundTripMillis), report);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }
}
