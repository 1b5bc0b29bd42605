package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Expiry is driven by the caller: {@link #expire(Instant)} drops expired bindings (the app
 * calls it periodically); reads filter expired bindings anyway.
 */
public final class Location implements Registrations, AutoCloseable {

    public static final long DEFAULT_FLUSH_MILLIS = 500;
    public static final int DEFAULT_MAX_BATCH = 500;

    private static final Comparator<Binding> ORDER =
            Comparator.comparing(Binding::aor).thenComparing(Binding::contactUri);

    /** The bindings of one AOR (never empty) and the earliest expiry among them. */
    private record AorState(List<Binding> bindings, Instant earliest) {
        static AorState of(List<Binding> bindings) {
            Instant min = null;
            for (Binding b : bindings) if (min == null || b.expiresAt().isBefore(min)) min = b.expiresAt();
            return new AorState(List.copyOf(bindings), min);
        }
    }

    /** The new bindings of an AOR and a result for the caller, from {@link #update}. */
    public record Update<R>(List<Binding> bindings, R result) { }

    private final ConcurrentHashMap<String, AorState> byAor = new ConcurrentHashMap<>();
    private final BindingRepository repository;
    private final WriteBehind writeBehind;
    private final InstantSource clock;

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
            byAor.put(e.getKey(), AorState.of(e.getValue()));
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
        byAor.compute(aor, (k, old) -> {
            List<Binding> current = old == null ? List.of() : old.bindings();
            Update<R> u = change.apply(current);
            result[0] = u.result();
            List<Binding> next = u.bindings();
            if (next == current) return old;
            queueDifferences(current, next);
            return next.isEmpty() ? null : AorState.of(next);
        });
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
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
                for (Binding b : s.bindings()) {
                    if (b.expired(now)) {
                        writeBehind.remove(b.key());
                        removed[0]++;
                    } else {
                        live.add(b);
                    }
                }
                return live.isEmpty() ? null : AorState.of(live);
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

    private void queueDifferences(List<Binding> before, List<Binding> after) {
        if (before.size() > 16 || after.size() > 16) {
            queueDifferencesByMap(before, after);
            return;
        }
        // the usual case, a few contacts per AOR: nested loops beat building a map
        for (Binding b : after) {
            Binding prev = find(before, b.aor(), b.contactUri());
            if (!b.equals(prev)) queueWrite(b, prev);
        }
        for (Binding b : before) if (find(after, b.aor(), b.contactUri()) == null) writeBehind.remove(b.key());
    }

    /** A new or changed binding: a refresh when only what a re-registration changes has changed. */
    private void queueWrite(Binding b, Binding prev) {
        if (b.isRefreshOf(prev)) writeBehind.refresh(b);
        else writeBehind.upsert(b);
    }

    private void queueDifferencesByMap(List<Binding> before, List<Binding> after) {
        Map<Binding.Key, Binding> old = new HashMap<>(before.size() * 2);
        for (Binding b : before) old.put(b.key(), b);
        for (Binding b : after) {
            Binding prev = old.remove(b.key());
            if (!b.equals(prev)) queueWrite(b, prev);
        }
        for (Binding.Key k : old.keySet()) writeBehind.remove(k);
    }

    private static Binding find(List<Binding> bindings, String aor, String contactUri) {
        for (Binding b : bindings) if (b.aor().equals(aor) && b.contactUri().equals(contactUri)) return b;
        return null;
    }
}
