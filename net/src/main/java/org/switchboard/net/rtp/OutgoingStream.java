package org.switchboard.net.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The RTP stream one endpoint sends its phone, kept continuous across switches between relaying
 * the other phone's packets and sending audio made here (music on hold, prompts, transcoding,
 * voicemail): whatever the switches, the phone sees one SSRC whose sequence numbers move forward
 * by one per packet and whose timestamps never go back. A jitter buffer that compares sequence
 * numbers across a change of source (baresip's does) would otherwise drop a whole prompt as
 * late when its random first number (RFC 3550 §5.1) falls "before" the relayed stream's; and an
 * outbound SRTP context would refuse numbers that go back as replays (RFC 3711 §3.3.2). Asterisk
 * keeps its outgoing stream continuous per leg in the same way.
 *
 * <p>How, with the cheapest relay fast path:
 * <ul>
 * <li>Every RTP packet that goes to the phone, relayed or made here, is noted: the highest
 *     sequence number sent (RFC 3550 A.1 serial order, so a reordered packet does not count),
 *     its timestamp, the SSRC and when. Read from the header the relay has in hand already.</li>
 * <li>A channel that takes over ({@link NettyMediaChannel}) sends with that SSRC and continues
 *     at the next sequence number, its first timestamp moved on by the time since the last
 *     packet, at least one packet time ({@link #timestampAfter}), with the marker bit.</li>
 * <li>Back to relaying, the first relayed packet fixes two offsets that make the relayed stream
 *     continue from the server's last packet the same way; each relayed packet then gets its
 *     sequence number and timestamp shifted and the stream's SSRC written in, before any SRTP
 *     encryption (the outbound context sees the same one stream). The offsets are fixed again
 *     when the server sent meanwhile, when the relayed SSRC changes (the other phone moved to
 *     another device) or when its numbers leave the window of RFC 3550 A.1 (a jump of more than
 *     {@value #MAX_DROPOUT} ahead or {@value #MAX_MISORDER} back).</li>
 * </ul>
 * A call that is only ever relayed is never rewritten: its packets leave byte for byte as they
 * came; the fast path costs one branch and the bookkeeping of the highest number. Relayed RTCP
 * is not rewritten: after a switch the other phone's sender reports carry its own RTP
 * timestamps and packet counts, no longer those the phone receives (a lip-sync mapping or a
 * report's counts may be off; audio is not affected).
 *
 * <p>Touched on the event loop of the endpoint, which is also its partner's: the legs of a call
 * share one ({@link RtpIo#loopFor}). Only {@link #ssrc()} is read elsewhere, by signalling.
 */
final class OutgoingStream {

    /** A jump ahead larger than this, in packets, fixes the offsets again (RFC 3550 A.1). */
    static final int MAX_DROPOUT = 3000;
    /** A step back larger than this, in packets, fixes the offsets again (RFC 3550 A.1). */
    static final int MAX_MISORDER = 100;
    /** The packet time assumed until a channel tells its own (RFC 3551 §4.5). */
    static final long DEFAULT_PTIME_NANOS = 20_000_000L;
    /** Time since the last packet counted into a timestamp jump at most: later the jump stops growing. */
    static final long MAX_GAP_NANOS = 600_000_000_000L;

    private static final long NO_SSRC = -1;
    private static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;

    /** The SSRC of the last packet sent, mirrored for signalling's thread; written only when it changes. */
    private volatile long mirroredSsrc = NO_SSRC;

    private long ssrc = NO_SSRC;
    /** The highest sequence number sent, its timestamp and when it was sent. */
    private int sequence;
    private long timestamp;
    private long sentAtNanos;
    private int clockRate = 8000;
    private long ptimeNanos = DEFAULT_PTIME_NANOS;

    /** The server sent a packet since the last relayed one: the next relayed one fixes the offsets. */
    private boolean serverSent;
    /** Relayed packets are rewritten (some switch happened). */
    private boolean shifting;
    private long shiftedSource;
    private int sequenceShift;
    private long timestampShift;
    private int outSequence;
    private long outTimestamp;

    /** The SSRC the phone last heard, or -1 before the first packet. Any thread. */
    long ssrc() {
        return mirroredSsrc;
    }

    /** Whether any RTP packet went to the phone yet. */
    boolean started() {
        return ssrc != NO_SSRC;
    }

    /** The relayed stream's clock rate, from offer/answer: the unit of its timestamp jumps. */
    void clockRate(int hz) {
        if (hz > 0) clockRate = hz;
    }

    /** The packet time of the leg's channel: the least a timestamp moves on at a switch. */
    void ptime(long nanos) {
        if (nanos > 0) ptimeNanos = nanos;
    }

    /**
     * A relayed packet with these header fields is about to go to the phone.
     *
     * @return false to send it as it is (no switch ever happened); true to rewrite its header
     *         with {@link #rewrite}
     */
    boolean relayed(int seq, long ts, long source, long nowNanos) {
        if (serverSent | shifting) return shift(seq, ts, source, nowNanos);
        note(seq, ts, source, nowNanos);
        return false;
    }

    /** A packet made here went to the phone, with these header fields. */
    void sent(int seq, long ts, long source, long nowNanos) {
        note(seq, ts, source, nowNanos);
        serverSent = true;
    }

    /** The sequence number a new sender continues at. Only once {@link #started()}. */
    int nextSequence() {
        return (sequence + 1) & 0xFFFF;
    }

    /**
     * The timestamp for a packet sent now at {@code hz}: the last one moved on by the time since
     * it was sent, at least one packet time, so the new audio neither overlaps the last packet's
     * nor goes back. Only once {@link #started()}.
     */
    long timestampAfter(int hz, long nowNanos) {
        long gap = Math.min(Math.max(nowNanos - sentAtNanos, ptimeNanos), MAX_GAP_NANOS);
        return (timestamp + gap * hz / 1_000_000_000L) & TIMESTAMP_MASK;
    }

    /** Writes the shifted header fields of the packet {@link #relayed} accepted into it. */
    void rewrite(ByteBuf packet, int at) {
        packet.setShort(at + 2, outSequence);
        packet.setInt(at + 4, (int) outTimestamp);
        packet.setInt(at + 8, (int) ssrc);
    }

    /** As {@link #rewrite(ByteBuf, int)}, for a packet in an array. */
    void rewrite(byte[] packet, int at) {
        packet[at + 2] = (byte) (outSequence >>> 8);
        packet[at + 3] = (byte) outSequence;
        putInt(packet, at + 4, (int) outTimestamp);
        putInt(packet, at + 8, (int) ssrc);
    }

    private static void putInt(byte[] a, int at, int v) {
        a[at] = (byte) (v >>> 24);
        a[at + 1] = (byte) (v >>> 16);
        a[at + 2] = (byte) (v >>> 8);
        a[at + 3] = (byte) v;
    }

    private boolean shift(int seq, long ts, long source, long nowNanos) {
        if (serverSent || source != shiftedSource || outsideWindow(seq)) {
            sequenceShift = sequence + 1 - seq;
            timestampShift = timestampAfter(clockRate, nowNanos) - ts;
            shiftedSource = source;
            shifting = true;
            serverSent = false;
        }
        outSequence = (seq + sequenceShift) & 0xFFFF;
        outTimestamp = (ts + timestampShift) & TIMESTAMP_MASK;
        note(outSequence, outTimestamp, ssrc, nowNanos);
        return true;
    }

    /** Whether {@code seq}, shifted, lands too far from the last number sent (RFC 3550 A.1). */
    private boolean outsideWindow(int seq) {
        int delta = (short) (seq + sequenceShift - sequence);
        return delta > MAX_DROPOUT || delta < -MAX_MISORDER;
    }

    private void note(int seq, long ts, long source, long nowNanos) {
        if (source != ssrc) {
            ssrc = source;
            mirroredSsrc = source;
        } else if ((short) (seq - sequence) <= 0) {
            return;
        }
        sequence = seq;
        timestamp = ts;
        sentAtNanos = nowNanos;
    }

    @Override
    public String toString() {
        return started() ? String.format("OutgoingStream[ssrc %08x seq %d ts %d%s]", ssrc, sequence, timestamp,
                shifting ? " relayed shifted" : "") : "OutgoingStream[nothing sent]";
    }
}
