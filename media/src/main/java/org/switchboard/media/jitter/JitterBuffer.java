package org.switchboard.media.jitter;

import java.util.Objects;
import org.switchboard.media.rtp.RtpSequence;
import org.switchboard.media.rtp.RtpTimestamp;

/**
 * An adaptive jitter buffer for one RTP source on a leg that ends in the server (prompts,
 * voicemail, recording, conferences; never the relay fast path). Sans-IO and single-threaded:
 * the media thread {@link #offer}s packets as they arrive and {@link #poll}s a frame each time
 * its playout needs the next one; both take the time, none is read.
 *
 * <h2>Contract of {@link #poll}</h2>
 * Poll when the audio already handed out is about to run out: once per 20 ms tick for 20 ms
 * packets, twice for 10 ms ones, every third tick for 60 ms ones. Each frame lasts
 * {@link JitterFrame#units()}; play exactly that much (decode a {@code PACKET}, conceal a
 * {@code LOST}, fill a {@code SILENCE}), then poll again when it is used up. On {@code NOTHING}
 * stop polling until the next tick. Decisions are taken at the poll's time: a packet plays if it
 * has arrived by then, so delays move in steps of the tick.
 *
 * <h2>Algorithm</h2>
 * <ul>
 * <li><b>Delay measurement</b> ({@link DelayEstimator}): relative transit times (RFC 3550 §A.8);
 *     the target delay is the 98th percentile beyond the fastest packet over the last 256 packets
 *     plus a 5 ms guard, raised at once by any packet found late and decaying 20 ms per second,
 *     bounded by the configured minimum and maximum.</li>
 * <li><b>Talkspurt starts</b> (a timestamp gap between consecutive sequence numbers, RFC 3551
 *     §4.1, or the first packet): the packet plays at the first poll where its delay reaches the
 *     target, so the silence before it is lengthened or cut: delay changes cost nothing there.</li>
 * <li><b>During talk</b> the delay grows when a packet is missing at its turn and the delay is
 *     under target (a LOST frame is inserted instead of skipping the packet, which may still
 *     come), or at once when it falls under the percentile alone (packets would be late in
 *     numbers). It shrinks by dropping one packet at most every 2 s, and only when the delay
 *     stayed more than a frame and 5 ms over target the whole time; far over the maximum, at
 *     once. Both absorb clock skew: a sender 0.1 % fast gains 1 ms a second, a drop every 20 s.</li>
 * <li><b>Losses</b>: a missing packet with later ones waiting is concealed for its duration; an
 *     empty buffer is concealed for 60 ms (what a decoder's concealment can usefully bridge), then
 *     taken as a pause (DTX, end of talkspurt) and answered with silence.</li>
 * <li><b>Resynchronisation</b>: a packet more than 3000 sequence numbers ahead or 100 behind
 *     (RFC 3550 §A.1), or whose transit is off by over a second beyond the maximum delay (a new
 *     timestamp base), is held on probation; if the next packet follows it, the buffer restarts
 *     on the new stream, else it is dropped as a stray.</li>
 * <li><b>Numbers without audio</b> ({@link #skip}): RFC 4733 events and comfort noise share the
 *     audio's SSRC and so its sequence numbers; the playout passes over theirs without a loss,
 *     and when no audio follows yet the phone paused its audio there: silence, not concealment,
 *     until it resumes (as after a talkspurt).</li>
 * </ul>
 * Timestamps and sequence numbers are extended to 64 bits, so wrap-around is invisible.
 */
public final class JitterBuffer {

    /** RFC 3550 §A.1: a jump larger than this ahead is a restart, not a loss. */
    static final int MAX_DROPOUT = 3000;
    /** RFC 3550 §A.1: further behind than this is a restart, not reordering. */
    static final int MAX_MISORDER = 100;
    private static final long SEQUENCE_BASE = 1L << 32;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final byte[] NO_BYTES = new byte[0];

    private enum State { WAITING, PLAYING }

    private final int clockRate;
    private final int maxPayload;
    private final long maxDelay;
    private final long guard;
    private final long concealLimit;
    private final long dropInterval;
    private final long maxFrame;
    private final long resyncTransit;
    private final PacketSlots slots;
    private final DelayEstimator estimator;
    private final JitterFrame frame;

    // The stream: origins of the relative clocks, highest numbers seen, learnt packet duration.
    private boolean started;
    private long originNanos;
    private long originTimestamp;
    private long highestSequence;
    private long highestTimestamp;
    private long frameUnits;
    private long pairCandidate;

    // Playout: times in timestamp units of the local clock since originNanos, timestamps (here
    // and in the slots) extended and relative to originTimestamp.
    private State state = State.WAITING;
    private boolean hasPlayed;
    private boolean anchored;
    private long lastSequence;
    private long nextTimestamp;
    private long playAt;
    private long concealedRun;
    private boolean waitingFor;
    /** The last number the playout passed was one without audio ({@link #skip}). */
    private boolean skippedLast;
    private long leastDelaySinceAdjust = Long.MAX_VALUE;
    private long lastAdjustAt;
    private long lastDelay;
    private long lastTarget;
    private byte[] spare = NO_BYTES;

    private final Probation probation = new Probation();

    private long played;
    private long lost;
    private long late;
    private long concealed;
    private long inserted;
    private long dropped;
    private long duplicates;
    private long overflowDrops;
    private long resyncs;
    private long invalid;

    public JitterBuffer(JitterConfig config) {
        Objects.requireNonNull(config, "config");
        this.clockRate = config.clockRate();
        this.maxPayload = config.maxPayload();
        this.maxDelay = config.units(config.maxDelay());
        this.guard = millis(5);
        this.concealLimit = millis(60);
        this.dropInterval = millis(2000);
        this.maxFrame = millis(120);
        this.resyncTransit = millis(1000) + maxDelay;
        this.frameUnits = Math.max(1, config.units(config.ptime()));
        this.slots = new PacketSlots(config.capacity());
        this.estimator = new DelayEstimator(config.units(config.minDelay()), maxDelay, guard);
        this.frame = new JitterFrame(clockRate);
    }

    private long millis(long ms) {
        return ms * clockRate / 1000;
    }

    /**
     * Takes a received RTP packet of this source, copying its payload. Never throws for what the
     * network sends: a payload over the configured maximum is refused as {@link OfferResult#INVALID}.
     *
     * @param sequence     the RTP sequence number (low 16 bits used)
     * @param rtpTimestamp the RTP timestamp (low 32 bits used, unsigned)
     * @param marker       the marker bit (first packet of a talkspurt)
     * @param arrivalNanos when it arrived, on the clock that {@link #poll} is given
     * @throws IndexOutOfBoundsException when {@code offset} and {@code length} are outside {@code payload}
     */
    public OfferResult offer(int sequence, long rtpTimestamp, boolean marker, byte[] payload, int offset, int length,
                             long arrivalNanos) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length > maxPayload) {
            invalid++;
            return OfferResult.INVALID;
        }
        int sequence16 = sequence & 0xFFFF;
        long timestamp32 = rtpTimestamp & 0xFFFF_FFFFL;
        if (!started) {
            begin(sequence16, timestamp32, arrivalNanos);
        } else if (probation.continuedBy(sequence16, timestamp32, maxFrame)) {
            restart();
            offer(probation.sequence(), probation.timestamp(), probation.marker(), probation.payload(), 0,
                    probation.length(), probation.arrivalNanos());
            offer(sequence16, timestamp32, marker, payload, offset, length, arrivalNanos);
            return OfferResult.RESYNC;
        }
        long seq = highestSequence + RtpSequence.delta(sequence16, (int) (highestSequence & 0xFFFF));
        long ts = highestTimestamp + RtpTimestamp.delta(timestamp32, highestTimestamp & 0xFFFF_FFFFL)
                - originTimestamp;
        long arrival = unitsSince(arrivalNanos);
        long transit = arrival - ts;
        if (probation.active()) {
            late++;  // the packet on probation was a stray
            probation.clear();
        }
        if (isFar(seq, transit)) {
            probation.hold(sequence16, timestamp32, marker, payload, offset, length, arrivalNanos);
            return OfferResult.PROBATION;
        }
        return accept(seq, ts, marker, payload, offset, length, arrival, transit);
    }

    /**
     * Tells the buffer that RTP packet {@code sequence} of this source carried no audio for it:
     * an RFC 4733 telephone-event sent in the audio's stream (same SSRC, so numbered in the same
     * sequence: RFC 3550 §5.1 counts every packet), or a comfort noise packet (RFC 3389) that
     * the caller handles elsewhere. Without this the number looks like a lost audio packet,
     * and the playout conceals after every key press. A number already passed, far off the
     * stream or held by an audio packet is ignored; never throws.
     *
     * @param sequence the RTP sequence number (low 16 bits used)
     */
    public void skip(int sequence) {
        if (!started || probation.active()) {
            return;
        }
        long seq = highestSequence + RtpSequence.delta(sequence & 0xFFFF, (int) (highestSequence & 0xFFFF));
        if (seq <= lastSequence || seq - lastSequence > slots.capacity() || seq - highestSequence > MAX_DROPOUT
                || slots.isBuffered(seq) || slots.collides(seq)) {
            return;
        }
        if (seq == lastSequence + 1) {
            lastSequence = seq;  // the playout is up to it: pass it now (a long press outlasts the ring)
            skippedLast = true;
        } else {
            slots.skip(seq);
        }
    }

    private OfferResult accept(long seq, long ts, boolean marker, byte[] payload, int offset, int length,
                               long arrival, long transit) {
        if (slots.isBuffered(seq) || slots.wasPlayed(seq)) {
            duplicates++;
            return OfferResult.DUPLICATE;
        }
        if (seq <= lastSequence) {
            if (anchored || highestSequence - seq >= slots.capacity()) {
                estimator.add(transit);
                estimator.notePeak(transit - estimator.minTransit(), arrival);
                late++;
                return OfferResult.LATE;
            }
            lastSequence = seq - 1;  // reordered before playout began: still in time
        }
        if (seq - lastSequence > slots.capacity()) {
            overflow(seq);
        }
        estimator.add(transit);
        if (state == State.PLAYING && (ts < nextTimestamp || (waitingFor && ts == nextTimestamp))) {
            estimator.notePeak(transit - estimator.minTransit(), arrival);
        }
        slots.put(seq, ts, marker, payload, offset, length);
        highestSequence = Math.max(highestSequence, seq);
        highestTimestamp = Math.max(highestTimestamp, originTimestamp + ts);
        learnFrameUnits(seq - 1, seq, marker);
        if (slots.knows(seq + 1)) {
            learnFrameUnits(seq, seq + 1, slots.marker(seq + 1));
        }
        return OfferResult.BUFFERED;
    }

    /** Makes room for {@code seq}: the oldest waiting packets go, the playout skips ahead. */
    private void overflow(long seq) {
        long keepFrom = seq - slots.capacity() + 1;
        while (lastSequence < keepFrom - 1 && slots.buffered() > 0) {
            long s = lastSequence + 1;
            if (slots.isBuffered(s)) {
                nextTimestamp = Math.max(nextTimestamp, slots.timestamp(s) + frameUnits);
                slots.discard(s);
                overflowDrops++;
            } else if (!slots.isSkipped(s)) {
                lost++;
            }
            lastSequence = s;
        }
        if (lastSequence < keepFrom - 1) {
            lost += keepFrom - 1 - lastSequence;
            lastSequence = keepFrom - 1;
        }
    }

    /**
     * Learns the packet duration from two consecutive packets: the first step at once (the
     * configured ptime is a guess), then a shorter one at once and a longer one when seen twice
     * running (a single longer step may be a pause without marker).
     */
    private void learnFrameUnits(long earlier, long later, boolean laterMarker) {
        if (laterMarker || !slots.knows(earlier)) {
            return;
        }
        long step = slots.timestamp(later) - slots.timestamp(earlier);
        if (step <= 0 || step > maxFrame) {
            return;
        }
        if (pairCandidate == 0 || step < frameUnits || step == pairCandidate) {
            frameUnits = step;
        }
        pairCandidate = step;
    }

    private boolean isFar(long seq, long transit) {
        long jump = seq - highestSequence;
        if (jump > MAX_DROPOUT || jump < -MAX_MISORDER) {
            return true;
        }
        return !estimator.isEmpty() && Math.abs(transit - estimator.minTransit()) > resyncTransit;
    }

    /**
     * Forgets the stream and waits for a new one: for the caller that knows the source changed
     * (a new SSRC, RFC 3550 §8.2). Counters are kept; the change is counted as a resync.
     */
    public void restart() {
        resyncs++;
        started = false;
        probation.clear();
        slots.clear();
        estimator.clear();
        state = State.WAITING;
    }

    private void begin(int sequence16, long timestamp32, long arrivalNanos) {
        started = true;
        anchored = false;
        originNanos = arrivalNanos;
        originTimestamp = timestamp32;
        highestTimestamp = timestamp32;
        highestSequence = SEQUENCE_BASE + sequence16;
        lastSequence = highestSequence - 1;
        nextTimestamp = 0;
        state = State.WAITING;
        playAt = Long.MIN_VALUE;
        concealedRun = 0;
        waitingFor = false;
        skippedLast = false;
    }

    /**
     * Returns what to play next (see the class contract). The frame is a view valid until the
     * next poll.
     *
     * @param nowNanos the current time, on the clock that {@link #offer} is given
     */
    public JitterFrame poll(long nowNanos) {
        byte[] released = frame.releasePayload();
        if (released.length > 0) {
            spare = released;
        }
        if (!started) {
            return hasPlayed ? emit(JitterFrame.Kind.SILENCE, frameUnits) : emit(JitterFrame.Kind.NOTHING, 0);
        }
        long now = unitsSince(nowNanos);
        if (playAt < now) {
            playAt = now;
        }
        long target = estimator.target(now);
        long floor = estimator.floor();
        long fastest = estimator.minTransit();
        lastTarget = target;
        while (true) {
            if (state == State.WAITING) {
                JitterFrame gap = pollWaiting(now, target, fastest);
                if (gap != null) {
                    return gap;
                }
            }
            long s = lastSequence + 1;
            if (slots.isSkipped(s)) {
                lastSequence = s;  // no audio was sent under this number: no gap
                skippedLast = true;
                continue;
            }
            // The delay this decision leaves a packet: it must have arrived by now.
            long delay = now - nextTimestamp - fastest;
            lastDelay = playAt - nextTimestamp - fastest;
            if (slots.isBuffered(s)) {
                if (slots.timestamp(s) != nextTimestamp) {
                    state = State.WAITING;  // a talkspurt starts, or the timeline went past it
                    continue;
                }
                if (delay < floor) {
                    return insert(now);
                }
                leastDelaySinceAdjust = Math.min(leastDelaySinceAdjust, delay);
                if (dropToShrink(s, delay, target, now)) {
                    continue;
                }
                return play(s);
            }
            long next = slots.firstBuffered(s + 1, highestSequence);
            if (next != PacketSlots.NONE) {
                long nextTs = slots.timestamp(next);
                if (nextTs <= nextTimestamp) {  // their time was already concealed
                    lost += slots.missing(s, next);
                    lastSequence = next - 1;
                    continue;
                }
                if (delay < target) {
                    return insert(now);  // it may only be late: wait for it
                }
                lost++;
                lastSequence = s;
                return conceal(Math.min(frameUnits, nextTs - nextTimestamp));
            }
            if (concealedRun >= concealLimit || skippedLast) {
                state = State.WAITING;  // no packet for a while, or an event in its place: a pause, not a loss
                continue;
            }
            return delay < target ? insert(now) : conceal(frameUnits);
        }
    }

    /** Waiting for a talkspurt (or the first packet): silence until its packet is due. */
    private JitterFrame pollWaiting(long now, long target, long fastest) {
        while (true) {
            long p = slots.firstBuffered(lastSequence + 1, highestSequence);
            if (p == PacketSlots.NONE) {
                return gap();
            }
            long ts = slots.timestamp(p);
            long delayNow = now - ts - fastest;
            if (delayNow > maxDelay) {
                slots.discard(p);
                late++;
                lost += slots.missing(lastSequence + 1, p);
                lastSequence = p;
                continue;
            }
            if (delayNow < target) {
                return gap();
            }
            lost += slots.missing(lastSequence + 1, p);
            lastSequence = p - 1;
            nextTimestamp = ts;
            state = State.PLAYING;
            anchored = true;
            adjusted(now);
            return null;
        }
    }

    /** A frame of the gap before a packet: nothing yet, concealment still, or silence. */
    private JitterFrame gap() {
        if (!hasPlayed) {
            return emit(JitterFrame.Kind.NOTHING, 0);
        }
        if (concealedRun > 0 && concealedRun < concealLimit) {
            concealedRun += frameUnits;
            concealed++;
            return emit(JitterFrame.Kind.LOST, frameUnits);
        }
        return emit(JitterFrame.Kind.SILENCE, frameUnits);
    }

    /**
     * Drops packet {@code s} when the delay stayed a frame and a guard over target for a whole
     * interval (then the drop leaves it still over target), or when it is over the maximum.
     */
    private boolean dropToShrink(long s, long delay, long target, long now) {
        boolean far = delay > maxDelay + frameUnits;
        boolean over = false;
        if (now - lastAdjustAt >= dropInterval) {
            over = leastDelaySinceAdjust - frameUnits >= target + guard;
            if (!over) {
                adjusted(now);  // a new interval of observation
                leastDelaySinceAdjust = delay;
            }
        }
        if (!far && !over) {
            return false;
        }
        long ts = slots.timestamp(s);
        long units = unitsOf(s, ts);
        if (!far && !(slots.isBuffered(s + 1) && slots.timestamp(s + 1) == ts + units)) {
            return false;  // drop only inside continuous talk, never the last packet held
        }
        slots.discard(s);
        lastSequence = s;
        nextTimestamp = ts + units;
        if (far) {
            overflowDrops++;
        } else {
            dropped++;
        }
        adjusted(now);
        return true;
    }

    private JitterFrame play(long s) {
        long ts = slots.timestamp(s);
        long units = unitsOf(s, ts);
        int length = slots.length(s);
        boolean marker = slots.marker(s);
        byte[] data = slots.takeForPlayout(s, spare);
        spare = NO_BYTES;
        lastSequence = s;
        nextTimestamp = ts + units;
        played++;
        concealedRun = 0;
        waitingFor = false;
        skippedLast = false;
        hasPlayed = true;
        frame.packet(data, length, originTimestamp + ts, (int) (s & 0xFFFF), marker, (int) units);
        playAt += units;
        return frame;
    }

    /** The packet's duration: the learnt one, or less when the next packet starts sooner. */
    private long unitsOf(long s, long ts) {
        long units = frameUnits;
        if (slots.isBuffered(s + 1) && !slots.marker(s + 1)) {
            long step = slots.timestamp(s + 1) - ts;
            if (step > 0 && step < units) {
                units = step;
            }
        }
        return units;
    }

    /** A LOST frame that holds the timeline: the delay grows by a frame. */
    private JitterFrame insert(long now) {
        inserted++;
        concealed++;
        concealedRun += frameUnits;
        waitingFor = true;
        adjusted(now);
        return emit(JitterFrame.Kind.LOST, frameUnits);
    }

    /** A LOST frame standing for missing audio: the timeline moves on. */
    private JitterFrame conceal(long units) {
        skippedLast = false;
        concealed++;
        concealedRun += units;
        waitingFor = true;
        JitterFrame f = emit(JitterFrame.Kind.LOST, units);
        nextTimestamp += units;
        return f;
    }

    private JitterFrame emit(JitterFrame.Kind kind, long units) {
        frame.set(kind, originTimestamp + nextTimestamp, (int) units);
        if (started) {
            playAt += units;
        }
        return frame;
    }

    private void adjusted(long now) {
        leastDelaySinceAdjust = Long.MAX_VALUE;
        lastAdjustAt = now;
    }

    /** Local time since the stream's first packet, in timestamp units; exact, no overflow. */
    private long unitsSince(long nanos) {
        long elapsed = nanos - originNanos;
        return Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
    }

    private double toMillis(long units) {
        return units * 1000.0 / clockRate;
    }

    /** The counters and delays now. */
    public JitterStats stats() {
        return new JitterStats(toMillis(lastTarget), toMillis(Math.max(0, lastDelay)), played, lost, late,
                concealed, inserted, dropped, duplicates, overflowDrops, resyncs, invalid);
    }

    /** Packets waiting to be played. */
    public int buffered() {
        return slots.buffered();
    }

    /** The packet duration in use, learnt from the stream, in timestamp units. */
    public long frameUnits() {
        return frameUnits;
    }
}
