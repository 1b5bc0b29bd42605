package org.switchboard.media.dtmf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends key presses as a phone does (RFC 4733 §2.5.1), sans-IO: {@link #schedule} gives every
 * packet of a press with its send time; {@link #press} and {@link #poll} hand them out one at a
 * time as the caller's media clock passes. The caller writes the RTP header (sequence numbers go
 * on increasing, the payload type is the one negotiated for telephone-event) and stops sending
 * the press's digit as audio meanwhile (§2.5.1.1).
 *
 * <p>The packet train of a press of duration D, with update interval I (50 ms by default,
 * §2.5.1.2), follows the example of §5: one packet every I from the start, each with the RTP
 * timestamp of the start and the duration reached so far; the first carries the marker; at the
 * first tick at or after D the final packet with the E bit and the exact duration, then two
 * retransmissions of it one interval apart (§2.5.1.4). A press longer than 0xFFFF timestamp units
 * (8.19 s at 8 kHz) is split into segments (§2.5.1.3): the last packet of a segment reports
 * 0xFFFF without E and is sent three times; the next segment has the timestamp of the start plus
 * 0xFFFF per segment and no marker.
 */
public final class TelephoneEventSender {

    /** Default update interval (RFC 4733 §2.5.1.2). */
    public static final int DEFAULT_INTERVAL_MILLIS = 50;
    /** Default volume, -10 dBm0: a typical DTMF level. */
    public static final int DEFAULT_VOLUME = 10;
    /** The longest press accepted, ten minutes. */
    public static final int MAX_DURATION_MILLIS = 600_000;
    /** Total sends of an end packet (first plus retransmissions), §2.5.1.4. */
    private static final int END_SENDS = 3;

    private final int clockRate;
    private final int intervalMillis;
    private final int volume;

    private List<TelephoneEventPacket> pending = List.of();
    private int next;

    /** A sender with the default interval and volume for a telephone-event clock of {@code clockRate} Hz. */
    public TelephoneEventSender(int clockRate) {
        this(clockRate, DEFAULT_INTERVAL_MILLIS, DEFAULT_VOLUME);
    }

    /**
     * @param clockRate      the RTP clock rate of telephone-event in this session, Hz
     * @param intervalMillis time between updates; the audio packet time is a good choice (§2.5.1.2)
     * @param volume         the level written in every packet, in -dBm0 (0-63)
     */
    public TelephoneEventSender(int clockRate, int intervalMillis, int volume) {
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz is not in 1000..192000");
        }
        if (intervalMillis < 5 || intervalMillis > 1000) {
            throw new IllegalArgumentException("interval " + intervalMillis + " ms is not in 5..1000");
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume " + volume + " is not in 0..63");
        }
        this.clockRate = clockRate;
        this.intervalMillis = intervalMillis;
        this.volume = volume;
    }

    /**
     * Every packet of a press of {@code digit} lasting {@code durationMillis}, starting at
     * {@code startAt} (milliseconds) when the stream's RTP clock reads {@code startTimestamp}.
     */
    public List<TelephoneEventPacket> schedule(DtmfDigit digit, int durationMillis, int startTimestamp, long startAt) {
        if (durationMillis <= 0 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException("duration " + durationMillis + " ms is not in 1.." + MAX_DURATION_MILLIS);
        }
        long total = Math.max(1, Math.round((double) durationMillis * clockRate / 1000));
        long step = (long) intervalMillis * clockRate / 1000;
        List<TelephoneEventPacket> packets = new ArrayList<>();
        int openSegment = 0;
        for (long tick = 1; ; tick++) {
            long sendAt = startAt + tick * intervalMillis;
            long elapsed = Math.min(tick * step, total);
            int segment = (int) ((elapsed - 1) / TelephoneEvent.MAX_DURATION);
            if (segment > openSegment) {
                // The segment that just filled up: its 0xFFFF report, sent three times (§2.5.1.3, §2.5.1.4).
                TelephoneEvent full = TelephoneEvent.of(digit, false, volume, TelephoneEvent.MAX_DURATION);
                int fullTimestamp = segmentTimestamp(startTimestamp, openSegment);
                for (int i = 0; i < END_SENDS; i++) {
                    packets.add(new TelephoneEventPacket(sendAt + (long) i * intervalMillis, fullTimestamp, false, full));
                }
                openSegment = segment;
            }
            boolean end = elapsed == total;
            int duration = (int) (elapsed - (long) segment * TelephoneEvent.MAX_DURATION);
            TelephoneEventPacket packet = new TelephoneEventPacket(sendAt, segmentTimestamp(startTimestamp, segment),
                    tick == 1, TelephoneEvent.of(digit, end, volume, duration));
            if (end) {
                for (int i = 0; i < END_SENDS; i++) {
                    packets.add(new TelephoneEventPacket(sendAt + (long) i * intervalMillis, packet.timestamp(),
                            packet.marker() && i == 0, packet.event()));
                }
                packets.sort((a, b) -> Long.compare(a.sendAt(), b.sendAt()));
                return List.copyOf(packets);
            }
            packets.add(packet);
        }
    }

    /**
     * Starts sending a press now; {@link #poll} then hands out its packets.
     *
     * @throws IllegalStateException when the previous press is still being sent ({@link #idle()})
     */
    public void press(DtmfDigit digit, int durationMillis, int startTimestamp, long now) {
        if (!idle()) {
            throw new IllegalStateException("a press of " + pending.getFirst().event().digit().orElseThrow()
                    + " is still being sent");
        }
        pending = schedule(digit, durationMillis, startTimestamp, now);
        next = 0;
    }

    /** The next packet due at {@code now}, if any; call until empty on every media tick. */
    public Optional<TelephoneEventPacket> poll(long now) {
        if (next < pending.size() && pending.get(next).sendAt() <= now) {
            return Optional.of(pending.get(next++));
        }
        return Optional.empty();
    }

    /** Whether every packet of the last press was handed out. */
    public boolean idle() { return next >= pending.size(); }

    /** Drops what is left of the press being sent (the call ended). */
    public void cancel() {
        pending = List.of();
        next = 0;
    }

    private static int segmentTimestamp(int startTimestamp, int segment) {
        return startTimestamp + segment * TelephoneEvent.MAX_DURATION;
    }
}
