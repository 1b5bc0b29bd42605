package org.switchboard.media.jitter;

/**
 * A snapshot of one {@link JitterBuffer}'s counters, for call statistics and RTCP (RFC 3611
 * §4.7.7 reports the same jitter buffer figures). Packet counters count RTP packets; frame
 * counters count what {@link JitterBuffer#poll} returned.
 *
 * @param targetDelayMs the playout delay the buffer aims at now, beyond the fastest packet
 * @param delayMs       the playout delay of the latest frame, beyond the fastest packet
 * @param played        packets handed out to be decoded
 * @param lost          sequence numbers skipped because their packet never came in time
 *                      (late ones included)
 * @param late          packets that came after their playout time (or more than the maximum
 *                      delay late), dropped
 * @param concealed     {@link JitterFrame.Kind#LOST} frames returned, whatever the cause
 * @param inserted      of those, frames inserted to grow the delay (no packet was skipped)
 * @param dropped       packets skipped on purpose to shrink the delay during long talk
 * @param duplicates    packets received twice, dropped
 * @param overflowDrops packets dropped because the buffer was full or far over its maximum delay
 * @param resyncs       restarts on a new stream (sequence or timestamp jump, SSRC change)
 * @param invalid       packets refused as malformed (payload over the configured maximum)
 */
public record JitterStats(double targetDelayMs, double delayMs, long played, long lost, long late, long concealed,
                          long inserted, long dropped, long duplicates, long overflowDrops, long resyncs,
                          long invalid) {
}
