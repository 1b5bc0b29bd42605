package org.switchboard.media.jitter;

/**
 * What to play next from a {@link JitterBuffer}: a packet to decode, a lost frame to conceal,
 * silence, or nothing.
 *
 * <p>This is a view owned by the buffer and rewritten by each {@link JitterBuffer#poll}: the
 * buffer hands out packets without allocating (a value object per frame would cost an allocation
 * every 20 ms on every leg). Read it before the next poll; the payload array stays valid until
 * then, whatever is offered in between.
 */
public final class JitterFrame {

    /** The kinds of frame. */
    public enum Kind {
        /** A packet to decode: {@link #payload()} from {@link #offset()} for {@link #length()} bytes. */
        PACKET,
        /**
         * A frame whose packet is missing (lost, late, or held back to grow the delay): the decoder
         * conceals {@link #units()}, normally one packet's duration.
         */
        LOST,
        /**
         * A gap in the sender's audio (DTX, comfort noise, a talkspurt's end, waiting for the next
         * talkspurt): play silence or comfort noise for {@link #units()}.
         */
        SILENCE,
        /** Nothing from this source yet: contribute nothing and poll again at the next tick. */
        NOTHING
    }

    private static final byte[] EMPTY = new byte[0];

    private final int clockRate;
    private Kind kind = Kind.NOTHING;
    private byte[] payload = EMPTY;
    private int length;
    private long timestamp;
    private int sequence;
    private boolean marker;
    private int units;

    JitterFrame(int clockRate) {
        this.clockRate = clockRate;
    }

    public Kind kind() {
        return kind;
    }

    /** The packet's payload (only for {@link Kind#PACKET}; empty otherwise). */
    public byte[] payload() {
        return kind == Kind.PACKET ? payload : EMPTY;
    }

    /** Where the payload starts in {@link #payload()}: always 0. */
    public int offset() {
        return 0;
    }

    /** Payload length in bytes (0 unless {@link Kind#PACKET}). */
    public int length() {
        return length;
    }

    /** The RTP timestamp (unsigned 32-bit) where this frame starts in the sender's timeline. */
    public long timestamp() {
        return timestamp;
    }

    /** The RTP sequence number of the packet (only for {@link Kind#PACKET}; 0 otherwise). */
    public int sequence() {
        return sequence;
    }

    /** The packet's marker bit: the first packet of a talkspurt (RFC 3551 §4.1). */
    public boolean marker() {
        return marker;
    }

    /** How long this frame lasts, in RTP timestamp units (0 for {@link Kind#NOTHING}). */
    public int units() {
        return units;
    }

    /** How long this frame lasts, in samples at {@code sampleRate} (G.722: 16000 with clock rate 8000). */
    public int samples(int sampleRate) {
        return (int) ((long) units * sampleRate / clockRate);
    }

    /** How long this frame lasts, in nanoseconds. */
    public long durationNanos() {
        return units * 1_000_000_000L / clockRate;
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.PACKET ? " seq " + sequence : "") + " ts " + timestamp + " (" + units + " units)";
    }

    void packet(byte[] data, int length, long timestamp, int sequence, boolean marker, int units) {
        set(Kind.PACKET, timestamp, units);
        this.payload = data;
        this.length = length;
        this.sequence = sequence;
        this.marker = marker;
    }

    void set(Kind kind, long timestamp, int units) {
        this.kind = kind;
        this.timestamp = timestamp & 0xFFFF_FFFFL;
        this.units = units;
        this.length = 0;
        this.sequence = 0;
        this.marker = false;
    }

    /** Gives back the payload array of the previous packet for reuse, leaving an empty one. */
    byte[] releasePayload() {
        byte[] old = payload;
        payload = EMPTY;
        length = 0;
        return old;
    }
}
