package org.switchboard.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces (RFC 7616 §3.3, §5.4). A nonce carries its issue time, a
 * sequence number and an HMAC-SHA-256 over both under a key drawn from {@link SecureRandom}
 * at construction, so it needs no server-side state until it is used and cannot be forged.
 * After a restart old nonces fail the HMAC check and clients are challenged again.
 *
 * <p>Replay protection: for each nonce that has been used with a correct digest, the highest
 * nonce count seen is kept and a count not above it is refused ({@link Verdict#REPLAYED}).
 * Memory is bounded: entries of expired nonces are pruned, and when more than
 * {@code maxTracked} nonces are live the oldest are forgotten; a forgotten nonce (its sequence
 * number at or below a watermark) is answered {@link Verdict#STALE}, so forgetting never
 * reopens a replay.
 *
 * <p>Thread-safe; {@link #check} costs one HMAC and a map access.
 */
public final class NonceService {

    /** How long a nonce is accepted after it was issued, unless configured otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    /** Most nonces whose count is tracked at once, unless configured otherwise (about 8 MB). */
    public static final int DEFAULT_MAX_TRACKED = 100_000;

    /** Outcome of a nonce check. */
    public enum Verdict {
        /** Ours, unexpired, and the count is above every count seen for it. */
        VALID,
        /** Ours but expired or forgotten: challenge again with {@code stale=true}. */
        STALE,
        /** Not made by this instance (bad HMAC, wrong length, or from before a restart). */
        FORGED,
        /** The nonce count is not above one already accepted. */
        REPLAYED
    }

    private static final int BODY = 16;
    private static final int MAC = 16;
    private static final int ENCODED_LENGTH = 43; // base64url of 32 bytes, no padding

    private final long lifetimeMillis;
    private final int maxTracked;
    private final Mac prototype;
    /** One keyed HMAC per thread: cloning the prototype for every nonce cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final AtomicLong sequence;
    private final ConcurrentHashMap<Long, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong insertsSincePrune = new AtomicLong();
    private final ReentrantLock pruning = new ReentrantLock();
    private volatile long watermark = Long.MIN_VALUE;

    /** A nonce in use: when it was issued and the highest count accepted. */
    private static final class Counter {
        final long issuedMillis;
        long highest;

        Counter(long issuedMillis, long highest) {
            this.issuedMillis = issuedMillis;
            this.highest = highest;
        }
    }

    public NonceService() {
        this(DEFAULT_LIFETIME, DEFAULT_MAX_TRACKED);
    }

    /**
     * @param lifetime   how long a nonce stays valid after issue (positive)
     * @param maxTracked most nonces whose nonce count is remembered (at least 16)
     */
    public NonceService(Duration lifetime, int maxTracked) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
        if (maxTracked < 16) throw new IllegalArgumentException("maxTracked must be at least 16");
        this.lifetimeMillis = lifetime.toMillis();
        this.maxTracked = maxTracked;
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        // a random start makes sequence numbers of two instances unrelated; 2^62 leaves room to count
        sequence = new AtomicLong(random.nextLong() >>> 2);
    }

    public Duration lifetime() { return Duration.ofMillis(lifetimeMillis); }

    /** A fresh nonce issued at {@code now}: 43 base64url characters. */
    public String issue(Instant now) {
        ByteBuffer buf = ByteBuffer.allocate(BODY + MAC);
        buf.putLong(now.toEpochMilli()).putLong(sequence.incrementAndGet());
        byte[] bytes = buf.array();
        System.arraycopy(mac(bytes), 0, bytes, BODY, MAC);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code nonce} is ours and unexpired, without touching its count. */
    public Verdict validate(String nonce, Instant now) {
        byte[] bytes = decode(nonce);
        if (bytes == null) return Verdict.FORGED;
        long issued = ByteBuffer.wrap(bytes).getLong(0);
        return expired(issued, now) ? Verdict.STALE : Verdict.VALID;
    }

    /**
     * Checks {@code nonce} and, when it is valid, records {@code nonceCount} as the highest
     * seen. Call only after the digest itself matched, so that a wrong guess cannot burn the
     * counts of a legitimate client.
     */
    public Verdict check(String nonce, long nonceCount, Instant now) {
        if (nonceCount < 1) return Verdict.REPLAYED;
        byte[] bytes = decode(nonce);
        if (bytes == null) return Verdict.FORGED;
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long issued = buf.getLong(0);
        long seq = buf.getLong(8);
        if (expired(issued, now)) return Verdict.STALE;
        if (seq <= watermark) return Verdict.STALE;
        Counter c = counters.get(seq);
        if (c == null) {
            Counter fresh = new Counter(issued, nonceCount);
            c = counters.putIfAbsent(seq, fresh);
            if (c == null) {
                // the watermark is raised before entries are removed: re-read it to close the race
                if (seq <= watermark) {
                    counters.remove(seq, fresh);
                    return Verdict.STALE;
                }
                afterInsert(now);
                return Verdict.VALID;
            }
        }
        synchronized (c) {
            if (nonceCount <= c.highest) return Verdict.REPLAYED;
            c.highest = nonceCount;
            return Verdict.VALID;
        }
    }

    /** How many nonces are tracked now (for metrics and tests). */
    public int tracked() { return counters.size(); }

    private boolean expired(long issuedMillis, Instant now) {
        return now.toEpochMilli() - issuedMillis >= lifetimeMillis;
    }

    private void afterInsert(Instant now) {
        long inserts = insertsSincePrune.incrementAndGet();
        if (inserts < maxTracked / 4 && counters.size() <= maxTracked) return;
        if (!pruning.tryLock()) return;
        try {
            insertsSincePrune.set(0);
            long nowMillis = now.toEpochMilli();
            counters.values().removeIf(c -> nowMillis - c.issuedMillis >= lifetimeMillis);
            if (counters.size() > maxTracked) forgetOldest();
        } finally {
            pruning.unlock();
        }
    }

    /** Forgets the oldest entries, keeping half of the cap; sequence order is issue order. */
    private void forgetOldest() {
        long[] seqs = counters.keySet().stream().mapToLong(Long::longValue).toArray();
        if (seqs.length <= maxTracked / 2) return;
        Arrays.sort(seqs);
        long newWatermark = seqs[seqs.length - maxTracked / 2 - 1];
        watermark = Math.max(watermark, newWatermark);
        counters.keySet().removeIf(s -> s <= newWatermark);
    }

    private byte[] decode(String nonce) {
        if (nonce == null || nonce.length() != ENCODED_LENGTH) return null;
        for (int i = 0; i < ENCODED_LENGTH; i++) {
            char c = nonce.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != BODY + MAC) return null;
        byte[] expected = mac(bytes);
        return MessageDigest.isEqual(Arrays.copyOf(expected, MAC), Arrays.copyOfRange(bytes, BODY, BODY + MAC))
                ? bytes : null;
    }

    private byte[] mac(byte[] bytes) {
        Mac m = macs.get();
        m.update(bytes, 0, BODY);
        return m.doFinal(); // doFinal also resets it for the next use on this thread
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK HMAC is cloneable", e);
        }
    }
}
