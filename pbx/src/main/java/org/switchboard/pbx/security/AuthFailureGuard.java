package org.switchboard.pbx.security;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts failed authentications per source IP address and blocks an address that fails too
 * often ({@link AuthFailurePolicy}). Counting uses a fixed window that opens at the first
 * failure: {@code maxFailures} failures before the window closes start a block; a failure
 * after the window closed opens a new one. Successes change nothing: a valid account must
 * not let an attacker behind the same address reset the count.
 *
 * <p>Thread-safe; {@link #isBlocked} is one map read. Memory is bounded by
 * {@code maxTrackedAddresses}: past it, idle entries are dropped, then the least recently
 * failing ones.
 */
public final class AuthFailureGuard {

    /** State of one address; immutable, replaced on each failure. */
    private record Entry(long windowStartMillis, int failures, long blockedUntilMillis, long lastFailureMillis) { }

    private final AuthFailurePolicy policy;
    private final long windowMillis;
    private final long blockMillis;
    private final ConcurrentHashMap<InetAddress, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock evicting = new ReentrantLock();

    public AuthFailureGuard(AuthFailurePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.windowMillis = policy.window().toMillis();
        this.blockMillis = policy.blockFor().toMillis();
    }

    public AuthFailurePolicy policy() { return policy; }

    /** Whether requests from {@code address} are to be ignored at {@code now}. */
    public boolean isBlocked(InetAddress address, Instant now) {
        if (address == null) return false;
        Entry e = entries.get(address);
        return e != null && now.toEpochMilli() < e.blockedUntilMillis;
    }

    /**
     * Records one failed authentication from {@code address}.
     *
     * @return the end of the block when this failure started one (log it once); empty otherwise
     */
    public Optional<Instant> recordFailure(InetAddress address, Instant now) {
        if (address == null) return Optional.empty();
        long t = now.toEpochMilli();
        Entry e = entries.compute(address, (a, old) -> next(old, t));
        if (entries.size() > policy.maxTrackedAddresses()) evict(t);
        boolean startedNow = e.blockedUntilMillis > t && e.lastFailureMillis == t && e.failures == policy.maxFailures();
        return startedNow ? Optional.of(Instant.ofEpochMilli(e.blockedUntilMillis)) : Optional.empty();
    }

    /** How many addresses are remembered now. */
    public int trackedAddresses() { return entries.size(); }

    private Entry next(Entry old, long t) {
        if (old != null && t < old.blockedUntilMillis) {
            return new Entry(old.windowStartMillis, old.failures + 1, old.blockedUntilMillis, t);
        }
        if (old == null || t - old.windowStartMillis >= windowMillis || old.blockedUntilMillis != 0) {
            return start(t, 1);
        }
        return start(old.windowStartMillis, old.failures + 1, t);
    }

    private Entry start(long t, int failures) {
        return start(t, failures, t);
    }

    private Entry start(long windowStart, int failures, long t) {
        long blockedUntil = failures >= policy.maxFailures() ? t + blockMillis : 0;
        return new Entry(windowStart, failures, blockedUntil, t);
    }

    /**
     * Drops idle entries; if still over the cap, the least recently failing tenth, sparing
     * blocked addresses unless only they are left.
     */
    private void evict(long t) {
        if (!evicting.tryLock()) return;
        try {
            entries.values().removeIf(e -> t >= e.blockedUntilMillis && t - e.windowStartMillis >= windowMillis);
            int cap = policy.maxTrackedAddresses();
            int excess = entries.size() - cap + cap / 10;
            if (entries.size() <= cap || excess <= 0) return;
            excess -= dropOldest(excess, false, t);
            if (excess > 0) dropOldest(excess, true, t);
        } finally {
            evicting.unlock();
        }
    }

    private int dropOldest(int count, boolean blocked, long t) {
        long[] last = entries.values().stream().filter(e -> (t < e.blockedUntilMillis) == blocked)
                .mapToLong(Entry::lastFailureMillis).toArray();
        if (last.length == 0) return 0;
        Arrays.sort(last);
        long threshold = last[Math.min(count, last.length) - 1];
        int before = entries.size();
        entries.values().removeIf(e -> (t < e.blockedUntilMillis) == blocked && e.lastFailureMillis <= threshold);
        return before - entries.size();
    }
}
