package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The location service (RFC 3261 §10): the contacts registered for each address-of-record
 * (an extension number), each with its own expiry.
 *
 * <p>Memory is the source of truth while running: reads ({@link #lookup}, {@link #all}) are
 * lock-free from any thread; {@link #update} changes one AOR atomically. Every change is
 * written behind to a {@link BindingRepository} in batches by a virtual thread (see
 * {@link #start()}, default every {@value #DEFAULT_FLUSH_MILLIS} ms or sooner when
 * {@value #DEFAULT_MAX_BATCH} changes wait), so registrations survive a restart
 * ({@link #restore}); {@link #close()} flushes what is left. A crash loses at most the last
 * flush interval of changes, which phones repair at their next refresh.
 *
 * <p>A refresh (RFC 3261 §10.2.1: the same device re-registering, only expiry, Call-ID and CSeq
 * change) is written only when it moves the stored expiry by more than a tenth of the granted
 * lifetime ({@link #REFRESH_WRITE_DIVISOR}), or earlier. Phones refreshing at half their expiry,
 * as usual, are written every time; a storm of refreshes (or a phone re-registering every few
 * seconds) costs no database write, and after a restart such a binding still lives at least
 * nine tenths of what it was granted. A stored CSeq lower than the live one is harmless: the
 * next REGISTER of the same Call-ID carries a higher one anyway (§10.3 step 7).
 *
 * <p>Expiry is driven by the caller: {@link #expire(Instant)} drops expired bindings (the app
 * calls it periodically); reads filter expired bindings anyway.
 */
public final class Location implements Registrations, AutoCloseable {

    public static final long DEFAULT_FLUSH_MILLIS = 500;
    public static final int DEFAULT_MAX_BATCH = 500;
    /** A refresh is written when it moves the stored expiry by more than lifetime / this, or back. */
    public static final int REFRESH_WRITE_DIVISOR = 10;

    private static final Comparator<Binding> ORDER =
            Comparator.comparing(Binding::aor).thenComparing(Binding::contactUri);

    /**
     * The bindings of one AOR (never empty), the earliest expiry among them, and for each the
     * expiry (epoch milliseconds) last queued for the repository: newer after a skipped refresh.
     */
    private record AorState(List<Binding> bindings, Instant earliest, long[] stored) {
        static AorState of(List<Binding> bindings, long[] stored) {
            Instant min = null;
            for (Binding b : bindings) if (min == null || b.expiresAt().isBefore(min)) min = b.expiresAt();
            return new AorState(List.copyOf(bindings), min, stored);
        }

        /** As stored: each binding's own expiry (loaded from the repository). */
        static AorState stored(List<Binding> bindings) {
            long[] stored = new long[bindings.size()];
            for (int i = 0; i < stored.length; i++) stored[i] = bindings.get(i).expiresAt().toEpochMilli();
            return of(bindings, stored);
        }
    }

    /** The new bindings of an AOR and a result for the caller, from {@link #update}. */
    public record Update<R>(List<Binding> bindings, R result) { }

    private final ConcurrentHashMap<String, AorState> byAor = new ConcurrentHashMap<>();
    private final BindingRepository repository;
    private final WriteBehind writeBehind;
    private final InstantSource clock;
    private final List<BindingListener> listeners = new CopyOnWriteArrayList<>();

    /** A location with the default flush interval and batch size; call {@link #start()} to write behind. */
    public Location(BindingRepository repository, InstantSource clock) {
        this(repository, clock, Duration.ofMillis(DEFAULT_FLUSH_MILLIS), DEFAULT_MAX_BATCH);
    }

    /**
     * @param repository    durable copy; its methods run only on the write-behind thread,
     *                      in {@link #flush()}, {@link #close()} and {@link #load}
     * @param clock         for {@link #all()} only, which has no {@code now} parameter
     * @param flushInterval longest time a change waits before it is written
     * @param maxBatch      most changes per {@link BindingRepository#apply} call
     */
    public Location(BindingRepository repository, InstantSource clock, Duration flushInterval, int maxBatch) {
        Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (flushInterval.isNegative() || flushInterval.isZero()) throw new IllegalArgumentException("flushInterval must be positive");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        this.writeBehind = new WriteBehind(repository, flushInterval, maxBatch);
        this.repository = repository;
    }

    /**
     * Loads the stored bindings (blocking), keeps the unexpired ones and starts writing
     * behind: the usual way to open the location service at start-up.
     */
    public static Location restore(BindingRepository repository, InstantSource clock, Instant now) {
        Location l = new Location(repository, clock);
        l.load(now);
        l.start();
        return l;
    }

    /**
     * Loads the stored bindings unexpired at {@code now} into memory (blocking) and queues
     * the removal of expired rows. Returns how many bindings were loaded.
     */
    public int load(Instant now) {
        Map<String, List<Binding>> grouped = new HashMap<>();
        for (Binding b : repository.loadAll()) {
            if (b.expired(now)) writeBehind.remove(b.key());
            else grouped.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
        }
        int n = 0;
        for (var e : grouped.entrySet()) {
            byAor.put(e.getKey(), AorState.stored(e.getValue()));
            n += e.getValue().size();
        }
        return n;
    }

    /** Starts the write-behind thread (a virtual thread). */
    public void start() { writeBehind.start(); }

    /** The unexpired contacts of {@code aor}, in registration order; empty when none. Never blocks. */
    public List<Binding> lookup(String aor, Instant now) {
        AorState s = byAor.get(aor);
        if (s == null) return List.of();
        if (now.isBefore(s.earliest())) return s.bindings();
        List<Binding> live = new ArrayList<>(s.bindings().size());
        for (Binding b : s.bindings()) if (!b.expired(now)) live.add(b);
        return List.copyOf(live);
    }

    /**
     * Changes the bindings of one AOR atomically: {@code change} receives the current list
     * (possibly with expired bindings) and returns the new list plus a result for the caller.
     * It runs under the AOR's lock, so it must be quick and must not call back into this
     * object. Differences are queued for the repository.
     */
    public <R> R update(String aor, Function<List<Binding>, Update<R>> change) {
        Objects.requireNonNull(aor, "aor");
        Object[] result = new Object[1];
        List<Binding> bound = listeners.isEmpty() ? null : new ArrayList<>(1);
        byAor.compute(aor, (k, old) -> {
            List<Binding> current = old == null ? List.of() : old.bindings();
            Update<R> u = change.apply(current);
            result[0] = u.result();
            List<Binding> next = u.bindings();
            if (next == current) return old;
            long[] stored = queueDifferences(old, next, bound);
            return next.isEmpty() ? null : AorState.of(next, stored);
        });
        if (bound != null) {
            for (Binding b : bound) for (BindingListener l : listeners) l.bound(b);
        }
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
    }

    /** Adds a listener of contacts that register anew (not refreshes), called after each such update. */
    public void addListener(BindingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes every binding of {@code aor} (the extension was deleted or its password changed). */
    public void removeAll(String aor) {
        update(aor, current -> new Update<>(List.of(), null));
    }

    /** Drops bindings expired at {@code now}; returns how many. Call it periodically (every few seconds). */
    public int expire(Instant now) {
        int[] removed = new int[1];
        for (Map.Entry<String, AorState> e : byAor.entrySet()) {
            if (now.isBefore(e.getValue().earliest())) continue;
            byAor.computeIfPresent(e.getKey(), (k, s) -> {
                if (now.isBefore(s.earliest())) return s;
                List<Binding> live = new ArrayList<>(s.bindings().size());
                long[] stored = new long[s.bindings().size()];
                for (int i = 0; i < s.bindings().size(); i++) {
                    Binding b = s.bindings().get(i);
                    if (b.expired(now)) {
                        writeBehind.remove(b.key());
                        removed[0]++;
                    } else {
                        stored[live.size()] = s.stored()[i];
                        live.add(b);
                    }
                }
                return live.isEmpty() ? null : AorState.of(live, Arrays.copyOf(stored, live.size()));
            });
        }
        return removed[0];
    }

    /** Live bindings at the clock's now, ordered by AOR then contact. */
    @Override
    public List<Binding> all() {
        Instant now = clock.instant();
        List<Binding> out = new ArrayList<>();
        for (AorState s : byAor.values()) for (Binding b : s.bindings()) if (!b.expired(now)) out.add(b);
        out.sort(ORDER);
        return out;
    }

    /** Number of AORs with at least one binding (expired ones not yet swept included). */
    public int aorCount() { return byAor.size(); }

    /** Changes waiting to be written. */
    public int pendingWrites() { return writeBehind.pending(); }

    /** Writes every pending change now (blocking); returns how many were written. */
    public int flush() { return writeBehind.flush(); }

    /** Stops the write-behind thread and writes what is left. */
    @Override
    public void close() { writeBehind.close(); }

    /**
     * Queues what changed from {@code old} to {@code after} for the repository and returns, for
     * each binding of {@code after}, the expiry the repository will hold for it. Bindings that
     * are new, not refreshes, go to {@code bound} when it is not null.
     */
    private long[] queueDifferences(AorState old, List<Binding> after, List<Binding> bound) {
        List<Binding> before = old == null ? List.of() : old.bindings();
        long[] stored = new long[after.size()];
        // the usual case is a few contacts per AOR: a linear search beats building a map
        Map<Binding.Key, Integer> index = before.size() > 16 ? indexByKey(before) : null;
        for (int i = 0; i < after.size(); i++) {
            Binding b = after.get(i);
            int j = index != null ? index.getOrDefault(b.key(), -1) : indexOf(before, b.aor(), b.contactUri());
            Binding prev = j < 0 ? null : before.get(j);
            long prevStored = j < 0 ? 0 : old.stored()[j];
            if (b.equals(prev)) {
                stored[i] = prevStored;
            } else if (!b.isRefreshOf(prev)) {
                writeBehind.upsert(b);
                if (bound != null) bound.add(b);
                stored[i] = b.expiresAt().toEpochMilli();
            } else if (refreshWorthWriting(b, prevStored)) {
                writeBehind.refresh(b);
                stored[i] = b.expiresAt().toEpochMilli();
            } else {
                stored[i] = prevStored;
            }
        }
        Map<Binding.Key, Integer> kept = after.size() > 16 ? indexByKey(after) : null;
        for (Binding b : before) {
            boolean gone = kept != null ? !kept.containsKey(b.key()) : indexOf(after, b.aor(), b.contactUri()) < 0;
            if (gone) writeBehind.remove(b.key());
        }
        return stored;
    }

    /** See the class comment: a refresh that moves the stored expiry back, or forward by more than lifetime/10. */
    private static boolean refreshWorthWriting(Binding b, long storedExpiry) {
        long expiry = b.expiresAt().toEpochMilli();
        long lifetime = expiry - b.registeredAt().toEpochMilli();
        return expiry < storedExpiry || expiry - storedExpiry > lifetime / REFRESH_WRITE_DIVISOR;
    }

    private static Map<Binding.Key, Integer> indexByKey(List<Binding> bindings) {
        Map<Binding.Key, Integer> index = new HashMap<>(bindings.size() * 2);
        for (int i = 0; i < bindings.size(); i++) index.put(bindings.get(i).key(), i);
        return index;
    }

    private static int indexOf(List<Binding> bindings, String aor, String contactUri) {
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            if (b.aor().equals(aor) && b.contactUri().equals(contactUri)) return i;
        }
        return -1;
    }
}
