package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.SipSecret;

/**
 * Keeps SIP secrets in memory for a while, so a registration storm does not read and decrypt
 * the same row thousands of times a second. Unknown numbers are cached too (as empty), so
 * extension scanning does not reach the database either; a name that is not an extension
 * number ({@link ExtensionNumber#isValid}) is answered empty without a lookup.
 *
 * <p>A miss calls the loader, which may block on the database: the registrar must run on a
 * thread that may block (a virtual thread). Call {@link #invalidate} when an extension is
 * added, removed or gets a new password (see {@code ExtensionService.addListener}).
 * Bounded: past {@code maxEntries} expired entries are dropped, then all.
 */
public final class CredentialCache implements Function<String, Optional<SipSecret>> {

    /** How long a secret (or its absence) is trusted, unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ENTRIES = 50_000;

    private record Entry(Optional<SipSecret> secret, long expiresMillis) { }

    private final Function<String, Optional<SipSecret>> loader;
    private final InstantSource clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a load that raced with one is not cached. */
    private final AtomicLong generation = new AtomicLong();

    public CredentialCache(Function<String, Optional<SipSecret>> loader, InstantSource clock) {
        this(loader, clock, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
    }

    public CredentialCache(Function<String, Optional<SipSecret>> loader, InstantSource clock, Duration ttl,
                           int maxEntries) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlMillis = ttl.toMillis();
        if (ttlMillis <= 0) throw new IllegalArgumentException("ttl must be positive");
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be at least 1");
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<SipSecret> apply(String number) {
        if (!ExtensionNumber.isValid(number)) return Optional.empty();
        long now = clock.millis();
        Entry e = entries.get(number);
        if (e != null && now < e.expiresMillis()) return e.secret();
        long gen = generation.get();
        Optional<SipSecret> loaded = loader.apply(number);
        if (gen != generation.get()) return loaded;
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(x -> now >= x.expiresMillis());
            if (entries.size() >= maxEntries) entries.clear();
        }
        entries.put(number, new Entry(loaded, now + ttlMillis));
        return loaded;
    }

    /** Forgets one number, so its next use reads the repository. */
    public void invalidate(String number) {
        generation.incrementAndGet();
        entries.remove(number);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
