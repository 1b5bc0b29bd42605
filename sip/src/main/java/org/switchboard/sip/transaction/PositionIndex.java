package org.switchboard.sip.transaction;

/**
 * A hash index from 32-bit hashes to record positions (non-negative longs), for
 * {@link CompletedAnswers}: open addressing with linear probing in two primitive arrays, so a
 * million entries are two arrays for the garbage collector, not a million nodes. Several
 * positions may share a hash; the caller tells them apart by reading its records. Deletion
 * shifts later entries back (Knuth's algorithm R), so no tombstones accumulate.
 *
 * <p>Kept at most half full; grows by doubling, and shrinks back to its initial size when it
 * empties (a storm's index must not outlive the storm). Not thread-safe.
 */
final class PositionIndex {

    /** Smallest capacity; a power of two. */
    static final int MIN_CAPACITY = 1024;

    /** Position + 1 per slot; 0 marks an empty slot. */
    private long[] positions = new long[MIN_CAPACITY];
    private int[] hashes = new int[MIN_CAPACITY];
    private int mask = MIN_CAPACITY - 1;
    private int size;

    int size() { return size; }

    int capacity() { return positions.length; }

    /** Adds {@code position} under {@code hash}. */
    void add(int hash, long position) {
        if (position < 0) throw new IllegalArgumentException("negative position " + position);
        if (size + 1 > positions.length >>> 1) resize(positions.length << 1);
        insert(hash, position + 1);
        size++;
    }

    /**
     * The first slot at or after {@code from} (in probe order) holding an entry with {@code hash},
     * or -1: start with {@code first(hash)}, continue with {@code next(slot)}.
     */
    int first(int hash) { return scan(hash, hash & mask); }

    /** The next slot after {@code slot} holding an entry with {@code hash}, or -1. */
    int next(int hash, int slot) { return scan(hash, (slot + 1) & mask); }

    /** The position stored in {@code slot}. */
    long positionAt(int slot) { return positions[slot] - 1; }

    /** Removes the entry {@code hash -> position}; false when there is none. */
    boolean remove(int hash, long position) {
        for (int s = first(hash); s >= 0; s = next(hash, s)) {
            if (positions[s] - 1 == position) {
                removeSlot(s);
                return true;
            }
        }
        return false;
    }

    /** Removes the entry in {@code slot} and closes the gap it leaves in its probe run. */
    void removeSlot(int slot) {
        int gap = slot;
        int j = slot;
        while (true) {
            j = (j + 1) & mask;
            long p = positions[j];
            if (p == 0) break;
            int home = hashes[j] & mask;
            // the entry at j may move into the gap when its home is not cyclically in (gap, j]
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                positions[gap] = p;
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        positions[gap] = 0;
        hashes[gap] = 0;
        size--;
        if (size == 0 && positions.length > MIN_CAPACITY) {
            positions = new long[MIN_CAPACITY];
            hashes = new int[MIN_CAPACITY];
            mask = MIN_CAPACITY - 1;
        } else if (size > 0 && positions.length > MIN_CAPACITY && size < positions.length >>> 3) {
            resize(positions.length >>> 1);
        }
    }

    private int scan(int hash, int from) {
        int s = from;
        while (positions[s] != 0) {
            if (hashes[s] == hash) return s;
            s = (s + 1) & mask;
        }
        return -1;
    }

    private void insert(int hash, long stored) {
        int s = hash & mask;
        while (positions[s] != 0) s = (s + 1) & mask;
        positions[s] = stored;
        hashes[s] = hash;
    }

    private void resize(int capacity) {
        long[] oldPositions = positions;
        int[] oldHashes = hashes;
        positions = new long[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < oldPositions.length; i++) {
            if (oldPositions[i] != 0) insert(oldHashes[i], oldPositions[i]);
        }
    }
}
