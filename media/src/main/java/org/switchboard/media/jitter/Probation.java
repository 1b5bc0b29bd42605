package org.switchboard.media.jitter;

import org.switchboard.media.rtp.RtpSequence;
import org.switchboard.media.rtp.RtpTimestamp;

/**
 * A packet far from its stream, held aside as RFC 3550 §A.1 holds a source on probation: if the
 * next packet follows it, a new stream has begun (a restarted sender, a new SSRC behind the same
 * port); if not, it was a stray. Its payload array is reused from one candidate to the next.
 */
final class Probation {

    private boolean active;
    private int sequence;
    private long timestamp;
    private boolean marker;
    private byte[] payload = new byte[0];
    private int length;
    private long arrivalNanos;

    boolean active() {
        return active;
    }

    /** Holds a copy of a packet in place of any earlier one. */
    void hold(int sequence16, long timestamp32, boolean marker, byte[] data, int offset, int length,
              long arrivalNanos) {
        if (payload.length < length) {
            payload = new byte[length];
        }
        System.arraycopy(data, offset, payload, 0, length);
        this.active = true;
        this.sequence = sequence16;
        this.timestamp = timestamp32;
        this.marker = marker;
        this.length = length;
        this.arrivalNanos = arrivalNanos;
    }

    /** Whether a packet follows the held one: the next sequence number, a timestamp at most {@code maxStep} on. */
    boolean continuedBy(int sequence16, long timestamp32, long maxStep) {
        long step = RtpTimestamp.delta(timestamp32, timestamp);
        return active && sequence16 == RtpSequence.next(sequence) && step > 0 && step <= maxStep;
    }

    void clear() {
        active = false;
    }

    int sequence() {
        return sequence;
    }

    long timestamp() {
        return timestamp;
    }

    boolean marker() {
        return marker;
    }

    byte[] payload() {
        return payload;
    }

    int length() {
        return length;
    }

    long arrivalNanos() {
        return arrivalNanos;
    }
}
