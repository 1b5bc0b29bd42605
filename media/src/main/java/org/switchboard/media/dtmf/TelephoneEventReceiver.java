package org.switchboard.media.dtmf;

import java.util.Objects;

/**
 * Turns the telephone-event packets of one RTP stream (RFC 4733) into one {@link DtmfEvent} per
 * key press, whatever the redundancy.
 *
 * <p>A phone reports one press as a train of packets with the same RTP timestamp (the start of
 * the event), a growing duration, the marker bit on the first and the E bit on the last three
 * (§2.5.1). The receiver (§2.5.2):
 * <ul>
 *   <li>starts a press at the first packet of a new timestamp (even when that packet lost its
 *       marker, or is already an end packet) and tells {@link DtmfListener#onDigitStart};</li>
 *   <li>ends it at the first E packet; the retransmitted end packets, duplicates and late
 *       packets of an older timestamp are ignored;</li>
 *   <li>ends it at the last duration heard when a packet of another event arrives, or when no
 *       packet came for {@link #timeoutMillis()} ({@link #poll}): its end packets were lost;</li>
 *   <li>joins the segments of a long press (§2.5.1.3, §2.5.2.3: a new timestamp, same event, no
 *       marker, at most 0xFFFF units after the previous segment's) into one press, and counts a
 *       duration field that wraps past 0xFFFF under one timestamp (senders that do not segment)
 *       as 0x10000 more units.</li>
 * </ul>
 * A packet with an older timestamp than the newest event is stale only while the stream was
 * heard within {@link #STALE_HORIZON_MILLIS}: a stream whose timestamps jumped back without a new
 * SSRC recovers after that. On an SSRC change call {@link #reset()}.
 *
 * <p>Limit: a new press of the same digit whose first packet is lost while the previous press
 * lost all its end packets is taken for a segment of that press. Only event codes 0-15 (DTMF)
 * are reported; other events are ignored. No allocation per packet (one {@link DtmfEvent} per
 * press).
 */
public final class TelephoneEventReceiver {

    /** Default time without packets after which a press whose end packets were lost ends. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 300;
    /** How long after the last accepted packet an older timestamp still counts as a late packet. */
    public static final int STALE_HORIZON_MILLIS = 2000;

    private static final int NONE = -1;
    /**
     * A quarter of the duration field's range: a fall from the top quarter to the bottom one is a
     * wrap; after a wrap, a jump ahead by more than two quarters is a straggler from before it.
     */
    private static final int QUARTER_DURATION_RANGE = 0x4000;

    private final int clockRate;
    private final int timeoutMillis;

    private boolean active;
    private DtmfDigit digit;
    /** RTP timestamp of the current segment of the active press. */
    private int segmentTimestamp;
    /** Largest duration heard in the current segment, {@link #NONE} before its first packet. */
    private int segmentDuration;
    /** Whether the duration field wrapped in the current segment: a large jump ahead is then a straggler. */
    private boolean wrapped;
    /** Timestamp units of the previous segments of the active press. */
    private long earlierSegments;
    private long lastPacketAt;

    private boolean heard;
    /** Timestamp of the newest segment accepted, active or ended. */
    private int newestTimestamp;
    private long lastAcceptedAt;

    /** A receiver for a stream whose telephone-event clock runs at {@code clockRate} Hz (SDP rate, usually 8000). */
    public TelephoneEventReceiver(int clockRate) {
        this(clockRate, DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * @param clockRate     the RTP clock rate of telephone-event in this session, Hz
     * @param timeoutMillis silence after which a press whose end packets were lost ends; choose
     *                      it above the sender's update interval (50 ms in §2.5.1.2) plus jitter
     */
    public TelephoneEventReceiver(int clockRate, int timeoutMillis) {
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz is not in 1000..192000");
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is not positive");
        }
        this.clockRate = clockRate;
        this.timeoutMillis = timeoutMillis;
    }

    /** The timeout that ends a press whose end packets were all lost. */
    public int timeoutMillis() { return timeoutMillis; }

    /** Whether a press is under way (started, not yet reported). */
    public boolean pressing() { return active; }

    /**
     * Takes one telephone-event packet.
     *
     * @param now       the arrival time in milliseconds (any monotonic origin)
     * @param timestamp the packet's RTP timestamp
     * @param marker    the packet's RTP marker bit
     * @param payload   the RTP payload ({@code length} bytes from {@code offset}); shorter than 4
     *                  bytes is ignored
     */
    public void receive(long now, int timestamp, boolean marker, byte[] payload, int offset, int length,
                        DtmfListener listener) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length < TelephoneEvent.LENGTH) {
            return;
        }
        int code = TelephoneEvent.code(payload, offset);
        if (!DtmfDigit.isCode(code)) {
            return;
        }
        boolean end = TelephoneEvent.end(payload, offset);
        int duration = TelephoneEvent.duration(payload, offset);
        if (active) {
            if (timestamp == segmentTimestamp) {
                if (code == digit.code()) {
                    update(now, duration, end, listener);
                }
                return;
            }
            if (isStale(now, timestamp)) {
                return;
            }
            if (code == digit.code() && !marker && continuesSegment(timestamp)) {
                earlierSegments += Integer.toUnsignedLong(timestamp - segmentTimestamp);
                segmentTimestamp = timestamp;
                segmentDuration = NONE;
                wrapped = false;
                newestTimestamp = timestamp;
                update(now, duration, end, listener);
                return;
            }
            finish(listener);
        } else if (heard && (timestamp == newestTimestamp || isStale(now, timestamp))) {
            return;
        }
        start(now, timestamp, DtmfDigit.atCode(code), listener);
        update(now, duration, end, listener);
    }

    /** Ends a press whose packets stopped {@link #timeoutMillis()} ago; call it on the media tick. */
    public void poll(long now, DtmfListener listener) {
        if (active && now - lastPacketAt >= timeoutMillis) {
            finish(listener);
        }
    }

    /** Forgets everything, for a new RTP source (SSRC); a press under way is dropped unreported. */
    public void reset() {
        active = false;
        heard = false;
        digit = null;
    }

    private void start(long now, int timestamp, DtmfDigit startDigit, DtmfListener listener) {
        active = true;
        digit = startDigit;
        segmentTimestamp = timestamp;
        segmentDuration = NONE;
        wrapped = false;
        earlierSegments = 0;
        heard = true;
        newestTimestamp = timestamp;
        lastPacketAt = now;
        listener.onDigitStart(startDigit, DtmfSource.TELEPHONE_EVENT);
    }

    private void update(long now, int duration, boolean end, DtmfListener listener) {
        int growth = duration - segmentDuration;
        if (segmentDuration >= 0x10000 - QUARTER_DURATION_RANGE && duration < QUARTER_DURATION_RANGE) {
            // The duration field wrapped: a sender that does not segment long events (§2.5.1.3).
            earlierSegments += TelephoneEvent.MAX_DURATION + 1;
            segmentDuration = duration;
            wrapped = true;
        } else if (growth > 0 && (growth <= 2 * QUARTER_DURATION_RANGE || !wrapped)) {
            segmentDuration = duration;
        }
        lastPacketAt = now;
        lastAcceptedAt = now;
        if (end) {
            finish(listener);
        }
    }

    private void finish(DtmfListener listener) {
        active = false;
        long units = earlierSegments + Math.max(0, segmentDuration);
        long millis = (units * 1000 + clockRate / 2) / clockRate;
        listener.onDigit(new DtmfEvent(digit, (int) Math.min(Integer.MAX_VALUE, millis), DtmfSource.TELEPHONE_EVENT));
    }

    /** RFC 3550 §A.1-style serial comparison: older than the newest, and the stream is still live. */
    private boolean isStale(long now, int timestamp) {
        return timestamp - newestTimestamp < 0 && now - lastAcceptedAt <= STALE_HORIZON_MILLIS;
    }

    private boolean continuesSegment(int timestamp) {
        int delta = timestamp - segmentTimestamp;
        return delta > 0 && delta <= TelephoneEvent.MAX_DURATION;
    }
}
