package org.switchboard.media.relay;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The RTP/RTCP pairs of a {@link PortRange}, handed out to legs and taken back.
 *
 * <p>Free pairs wait in a first-in first-out queue, so a released pair is reused only after
 * every other free pair: late packets of an ended call (the far end stops sending some time
 * after BYE) reach a closed port rather than a new call. On top of that a released pair stays
 * in quarantine for a configured time and is not handed out before it ends, even when nothing
 * else is free. Both operations are O(1) under one short lock; the pool knows the owner of
 * every pair in use, so a leak is a non-zero {@link #allocated()} and {@link #inUse()} names it.
 */
public final class PortPool {

    private static final long NEVER = Long.MIN_VALUE;

    private final PortRange range;
    private final long quarantineNanos;
    private final LongSupplier nanoTime;
    /** Owner of each pair by index; null when free. */
    private final String[] owners;
    /** When each pair was last released ({@link #NEVER} before its first use). */
    private final long[] freeSince;
    /** Ring buffer of free pair indexes, oldest release first. */
    private final int[] free;
    private int head;
    private int freeCount;

    /**
     * @param range      the ports to use
     * @param quarantine how long a released pair rests before reuse; zero for none
     * @param nanoTime   monotonic clock ({@code System::nanoTime}; a virtual one in tests)
     */
    public PortPool(PortRange range, Duration quarantine, LongSupplier nanoTime) {
        this.range = Objects.requireNonNull(range, "range");
        if (quarantine.isNegative()) throw new IllegalArgumentException("port quarantine must not be negative");
        this.quarantineNanos = quarantine.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        int n = range.pairs();
        owners = new String[n];
        freeSince = new long[n];
        free = new int[n];
        for (int i = 0; i < n; i++) {
            free[i] = i;
            freeSince[i] = NEVER;
        }
        freeCount = n;
    }

    /**
     * Takes the pair that has been free the longest.
     *
     * @param owner who holds it (a leg id), shown in leak reports
     * @throws NoMediaPortsException when every pair is in use or in quarantine
     */
    public synchronized PortPair allocate(String owner) throws NoMediaPortsException {
        Objects.requireNonNull(owner, "owner");
        if (freeCount == 0) {
            throw new NoMediaPortsException("all " + range.pairs() + " RTP port pairs of " + range
                    + " are in use; widen rtp-ports or lower the number of concurrent calls");
        }
        int index = free[head];
        long since = freeSince[index];
        if (since != NEVER && nanoTime.getAsLong() - since < quarantineNanos) {
            throw new NoMediaPortsException(freeCount + " RTP port pairs of " + range + " are free but all were"
                    + " released less than " + Duration.ofNanos(quarantineNanos).toMillis()
                    + " ms ago (quarantine); widen rtp-ports");
        }
        head = (head + 1) % free.length;
        freeCount--;
        owners[index] = owner;
        return range.pair(index);
    }

    /**
     * Gives a pair back; it goes to the end of the queue and into quarantine.
     *
     * @return false, and nothing changes, when the pair is not in use (a second release) or not
     *         from this pool
     */
    public synchronized boolean release(PortPair pair) {
        int index = range.indexOf(pair);
        if (index < 0 || owners[index] == null) return false;
        owners[index] = null;
        freeSince[index] = nanoTime.getAsLong();
        free[(head + freeCount) % free.length] = index;
        freeCount++;
        return true;
    }

    /** Pairs in use now; zero once every call has ended (the leak check). */
    public synchronized int allocated() {
        return range.pairs() - freeCount;
    }

    /** Total number of pairs. */
    public int capacity() {
        return range.pairs();
    }

    /** The range this pool serves. */
    public PortRange range() {
        return range;
    }

    /** Pairs in use and their owners, by port: what a leak report prints. */
    public synchronized Map<PortPair, String> inUse() {
        Map<PortPair, String> used = new TreeMap<>((a, b) -> Integer.compare(a.rtp(), b.rtp()));
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] != null) used.put(range.pair(i), owners[i]);
        }
        return used;
    }
}
