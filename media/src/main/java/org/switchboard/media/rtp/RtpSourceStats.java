package org.switchboard.media.rtp;

/**
 * Reception statistics of one RTP source (one SSRC) as RFC 3550 appendix A defines them:
 * sequence validation with probation, dropout and misorder limits (A.1), expected and lost
 * packets for report blocks (A.3), and interarrival jitter (A.8). Mutable, one thread; each
 * {@link #update} is a few integer operations and allocates nothing.
 *
 * <p>A.1 in short: a new source is valid after {@link #MIN_SEQUENTIAL} packets in sequence
 * (probation; those packets are not counted). Then a packet up to {@link #MAX_DROPOUT} ahead is in
 * order (gaps are losses, and passing 65535 counts a cycle); up to {@link #MAX_MISORDER} behind is
 * late or a duplicate (counted, so duplicates offset losses); any other jump is ignored unless the
 * next packet follows it, which means the sender restarted: statistics begin again there.
 *
 * <p>Arrival times are in the source's timestamp units (A.8: "the arrival time in the same units")
 * as a wrapping {@code int}, or monotonic nanoseconds converted with the clock rate.
 */
public final class RtpSourceStats {

    /** Packets in sequence before a source is valid (A.1). */
    public static final int MIN_SEQUENTIAL = 2;
    /** Largest forward jump still taken as a gap (A.1). */
    public static final int MAX_DROPOUT = 3000;
    /** Largest backward step still taken as a late packet (A.1). */
    public static final int MAX_MISORDER = 100;

    /** What one packet did to the statistics. */
    public enum Outcome {
        /** In order (possibly after a gap): counted. */
        ACCEPTED,
        /** Behind the highest sequence number, or equal to it: counted (A.1 counts duplicates). */
        LATE,
        /** The source is still in probation: not counted. */
        PROBATION,
        /** A jump too large to be a gap or a late packet: ignored unless the next packet follows it. */
        BAD_SEQUENCE,
        /** Followed a bad jump: the sender restarted its sequence, and statistics begin again here. */
        RESTARTED,
        /** Not a valid RTP packet (given to {@link RtcpSession#onRtpReceived}): ignored. */
        INVALID;

        /** Whether the packet counts as received (A.1's update_seq returned 1). */
        public boolean counted() {
            return this == ACCEPTED || this == LATE || this == RESTARTED;
        }
    }

    private final int clockRate;
    private long ssrc;
    private boolean fresh = true;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean haveTransit;
    private int transit;
    private long jitterQ4;
    private int lastFraction;
    private long lastSenderReport;
    private long senderReportArrivalNanos;

    /**
     * Statistics for {@code ssrc}, a source whose timestamps run at {@code clockRate} Hz.
     *
     * @throws IllegalArgumentException when {@code clockRate} is not positive
     */
    public RtpSourceStats(long ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz is not positive");
        }
        this.clockRate = clockRate;
        reset(ssrc);
    }

    /** Forgets everything and starts over for {@code ssrc}, as for a new source. Allocates nothing. */
    public void reset(long ssrc) {
        this.ssrc = ssrc & 0xFFFF_FFFFL;
        fresh = true;
        maxSeq = baseSeq = 0;
        badSeq = RtpSequence.MODULUS + 1;
        cycles = 0;
        probation = 0;
        received = expectedPrior = receivedPrior = 0;
        haveTransit = false;
        transit = 0;
        jitterQ4 = 0;
        lastFraction = 0;
        lastSenderReport = 0;
        senderReportArrivalNanos = 0;
    }

    /** Updates with a packet that arrived at {@code arrivalNanos} of a monotonic clock. */
    public Outcome updateAtNanos(int sequence, long rtpTimestamp, long arrivalNanos) {
        return update(sequence, rtpTimestamp, RtpTimestamp.unitsOfNanos(arrivalNanos, clockRate));
    }

    /**
     * Updates with a packet of {@code sequence} and {@code rtpTimestamp} that arrived at
     * {@code arrival}, in timestamp units (any origin; wraps).
     */
    public Outcome update(int sequence, long rtpTimestamp, int arrival) {
        Outcome outcome = countSequence(sequence);
        if (outcome.counted()) {
            updateJitter(rtpTimestamp, arrival);
        }
        return outcome;
    }

    /**
     * Updates the sequence statistics only (A.1, A.3), not the jitter: for a packet whose
     * timestamp does not follow the sampling clock, such as an RFC 4733 event (every packet of
     * an event carries its start time, §2.5.1.2, which A.8 would read as growing delay), or for
     * a source whose clock rate is not known.
     */
    public Outcome countSequence(int sequence) {
        int seq = sequence & 0xFFFF;
        if (fresh) {
            fresh = false;
            initSequence(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
        }
        Outcome outcome = updateSequence(seq);
        if (outcome == Outcome.RESTARTED) {
            haveTransit = false;
        }
        return outcome;
    }

    /**
     * Starts the jitter estimate again from zero, keeping the sequence statistics: for when the
     * arrival times' units change (a new codec with another clock rate), which would otherwise
     * read as one huge transit step.
     */
    public void resetJitter() {
        haveTransit = false;
        transit = 0;
        jitterQ4 = 0;
    }

    /** A.1 update_seq. */
    private Outcome updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return Outcome.ACCEPTED;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return Outcome.PROBATION;
        }
        if (udelta < MAX_DROPOUT) {
            if (udelta == 0) {
                received++;
                return Outcome.LATE;
            }
            if (seq < maxSeq) {
                cycles += RtpSequence.MODULUS;
            }
            maxSeq = seq;
            received++;
            return Outcome.ACCEPTED;
        }
        if (udelta <= RtpSequence.MODULUS - MAX_MISORDER) {
            if (seq == badSeq) {
                initSequence(seq);
                received++;
                return Outcome.RESTARTED;
            }
            badSeq = (seq + 1) & 0xFFFF;
            return Outcome.BAD_SEQUENCE;
        }
        received++;
        return Outcome.LATE;
    }

    /** A.1 init_seq. */
    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = RtpSequence.MODULUS + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** A.8, in integer arithmetic with the estimate scaled by 16 (RFC 3550 A.8, second form). */
    private void updateJitter(long rtpTimestamp, int arrival) {
        int now = arrival - (int) rtpTimestamp;
        if (!haveTransit) {
            haveTransit = true;
            transit = now;
            return;
        }
        long d = Math.abs((long) (now - transit));
        transit = now;
        jitterQ4 += d - ((jitterQ4 + 8) >> 4);
    }

    /** Records an SR from this source: its NTP timestamp and when it arrived (for LSR/DLSR). */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSenderReport = NtpTime.middle32(ntpTimestamp);
        senderReportArrivalNanos = arrivalNanos;
    }

    /**
     * The report block about this source for a report sent at {@code nowNanos} (A.3), and the
     * start of the next reporting interval: the fraction lost covers the packets since the
     * previous call.
     */
    public RtcpReportBlock reportBlock(long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        lastFraction = fraction(expectedInterval, receivedInterval);
        long dlsr = lastSenderReport == 0 ? 0 : NtpTime.compactOfNanos(nowNanos - senderReportArrivalNanos);
        return new RtcpReportBlock(ssrc, lastFraction, cumulativeLost(), extendedHighestSequence(), jitter(),
                lastSenderReport, dlsr);
    }

    private static int fraction(long expectedInterval, long receivedInterval) {
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }

    /** Whether packets arrived since the last {@link #reportBlock} (a source to report on, §6.4). */
    public boolean receivedSinceReport() {
        return received != receivedPrior;
    }

    /** The SSRC, unsigned 32-bit. */
    public long ssrc() {
        return ssrc;
    }

    /** The clock rate of the source's timestamps in Hz. */
    public int clockRate() {
        return clockRate;
    }

    /** Whether the source passed probation (A.1). */
    public boolean isValid() {
        return !fresh && probation == 0;
    }

    /** Cycles × 2^16 + highest sequence number, modulo 2^32. */
    public long extendedHighestSequence() {
        return (cycles + maxSeq) & 0xFFFF_FFFFL;
    }

    /** Packets expected since the base sequence number (A.3); 0 before the source is valid. */
    public long expected() {
        return isValid() ? cycles + maxSeq - baseSeq + 1 : 0;
    }

    /** Packets counted as received (A.1: duplicates and late packets included, probation not). */
    public long received() {
        return received;
    }

    /** Expected minus received, clamped to the signed 24 bits of a report block (A.3). */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(RtcpReportBlock.MIN_CUMULATIVE_LOST, Math.min(RtcpReportBlock.MAX_CUMULATIVE_LOST, lost));
    }

    /** The fraction lost (1/256) of the last {@link #reportBlock}. */
    public int lastFractionLost() {
        return lastFraction;
    }

    /** The fraction lost (1/256) since the last {@link #reportBlock}, without starting a new interval. */
    public int fractionLostSinceReport() {
        return fraction(expected() - expectedPrior, received - receivedPrior);
    }

    /** Interarrival jitter in timestamp units, rounded (A.8), clamped to 32 bits. */
    public long jitter() {
        return Math.min((jitterQ4 + 8) >> 4, 0xFFFF_FFFFL);
    }

    /** Interarrival jitter in milliseconds. */
    public double jitterMillis() {
        return jitter() * 1000.0 / clockRate;
    }

    /** LSR: the middle 32 bits of the NTP timestamp of the last SR from this source, 0 if none. */
    public long lastSenderReport() {
        return lastSenderReport;
    }
}
