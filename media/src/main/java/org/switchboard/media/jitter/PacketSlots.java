package org.switchboard.media.jitter;

import java.util.Arrays;

/**
 * The packets a {@link JitterBuffer} holds, in a ring indexed by extended sequence number
 * (capacity a power of two): storing, finding and reordering cost an index, not a search.
 * Payloads are copied into arrays owned by the slots, which grow to the largest payload seen
 * and are then reused: no allocation per packet once warmed up. A slot whose packet was played
 * keeps its sequence number and timestamp until reused, so a duplicate of a packet just played
 * is told from a late one, and the packet duration can be learnt from its successor. A slot can
 * also hold a sequence number that carried no audio ({@link #skip}): an RFC 4733 event or comfort
 * noise packet of the same stream, whose number is neither a packet to play nor a loss.
 */
final class PacketSlots {

    /** What {@link #firstBuffered} returns when no packet waits in the range. */
    static final long NONE = Long.MIN_VALUE;

    private static final byte EMPTY = 0;
    private static final byte BUFFERED = 1;
    private static final byte PLAYED = 2;
    private static final byte SKIPPED = 3;
    private static final byte[] NO_BYTES = new byte[0];

    private final int mask;
    private final long[] sequences;
    private final long[] timestamps;
    private final boolean[] markers;
    private final byte[][] payloads;
    private final int[] lengths;
    private final byte[] states;
    private int buffered;

    PacketSlots(int capacity) {
        this.mask = capacity - 1;
        this.sequences = new long[capacity];
        this.timestamps = new long[capacity];
        this.markers = new boolean[capacity];
        this.payloads = new byte[capacity][];
        this.lengths = new int[capacity];
        this.states = new byte[capacity];
        Arrays.fill(payloads, NO_BYTES);
    }

    int capacity() {
        return mask + 1;
    }

    /** How many packets wait to be played. */
    int buffered() {
        return buffered;
    }

    private int index(long sequence) {
        return (int) (sequence & mask);
    }

    boolean isBuffered(long sequence) {
        int i = index(sequence);
        return states[i] == BUFFERED && sequences[i] == sequence;
    }

    boolean wasPlayed(long sequence) {
        int i = index(sequence);
        return states[i] == PLAYED && sequences[i] == sequence;
    }

    /** Whether {@code sequence} was marked as carrying no audio ({@link #skip}). */
    boolean isSkipped(long sequence) {
        int i = index(sequence);
        return states[i] == SKIPPED && sequences[i] == sequence;
    }

    /** Whether the slot still knows the timestamp of {@code sequence} (buffered or played). */
    boolean knows(long sequence) {
        int i = index(sequence);
        return (states[i] == BUFFERED || states[i] == PLAYED) && sequences[i] == sequence;
    }

    /** Whether storing {@code sequence} would overwrite a packet still waiting. */
    boolean collides(long sequence) {
        int i = index(sequence);
        return states[i] == BUFFERED && sequences[i] != sequence;
    }

    long timestamp(long sequence) {
        return timestamps[index(sequence)];
    }

    boolean marker(long sequence) {
        return markers[index(sequence)];
    }

    int length(long sequence) {
        return lengths[index(sequence)];
    }

    /** Copies a packet in; the slot must not hold a waiting packet ({@link #collides}). */
    void put(long sequence, long timestamp, boolean marker, byte[] data, int offset, int length) {
        int i = index(sequence);
        if (payloads[i].length < length) {
            payloads[i] = new byte[length];
        }
        System.arraycopy(data, offset, payloads[i], 0, length);
        sequences[i] = sequence;
        timestamps[i] = timestamp;
        markers[i] = marker;
        lengths[i] = length;
        states[i] = BUFFERED;
        buffered++;
    }

    /**
     * Marks {@code sequence} played and takes its payload array, leaving {@code spare} in the slot
     * for a later packet: the caller reads the payload while the ring goes on.
     */
    byte[] takeForPlayout(long sequence, byte[] spare) {
        int i = index(sequence);
        byte[] data = payloads[i];
        payloads[i] = spare.length > 0 ? spare : NO_BYTES;
        states[i] = PLAYED;
        buffered--;
        return data;
    }

    /**
     * Records that {@code sequence} carried no audio; the slot must not hold a waiting packet
     * ({@link #collides}) nor {@code sequence} itself.
     */
    void skip(long sequence) {
        int i = index(sequence);
        sequences[i] = sequence;
        states[i] = SKIPPED;
    }

    /** How many numbers in [{@code from}, {@code to}) were not marked as carrying no audio: the ones lost. */
    long missing(long from, long to) {
        long count = 0;
        long end = Math.min(to, from + mask + 1);
        for (long s = from; s < end; s++) {
            if (!isSkipped(s)) {
                count++;
            }
        }
        return count + Math.max(0, to - end);
    }

    /** Forgets a waiting packet that will not be played (late, dropped, overflow). */
    void discard(long sequence) {
        int i = index(sequence);
        if (states[i] == BUFFERED && sequences[i] == sequence) {
            states[i] = PLAYED;
            buffered--;
        }
    }

    /** The lowest buffered sequence number in [{@code from}, {@code to}], or {@link #NONE}. */
    long firstBuffered(long from, long to) {
        if (buffered == 0) {
            return NONE;
        }
        long end = Math.min(to, from + mask);
        for (long s = from; s <= end; s++) {
            if (isBuffered(s)) {
                return s;
            }
        }
        return NONE;
    }

    void clear() {
        Arrays.fill(states, EMPTY);
        buffered = 0;
    }
}
