package org.switchboard.sip.transaction;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Branches (RFC 3261 §8.1.1.7) and tags (§19.3) for this stack instance: a random prefix
 * drawn once from {@link SecureRandom} plus a counter, so they are unique across restarts
 * and hosts, cost one atomic increment each, and let us recognise our own branches in
 * responses (§18.1.2) without a table lookup. Thread-safe.
 */
final class UniqueTokens {
    private final String branchPrefix;
    private final String tagPrefix;
    private final AtomicLong counter = new AtomicLong();

    UniqueTokens() { this(randomToken()); }

    /** With a fixed instance token, for tests. */
    UniqueTokens(String instance) {
        this.branchPrefix = "z9hG4bK" + instance + ".";
        this.tagPrefix = instance + ".";
    }

    private static String randomToken() {
        long r = new SecureRandom().nextLong() >>> 16;   // 48 random bits
        return Long.toString(r, 36);
    }

    String branch() { return branchPrefix + Long.toString(counter.incrementAndGet(), 36); }

    String tag() { return tagPrefix + Long.toString(counter.incrementAndGet(), 36); }

    /** A Call-ID (§8.1.1.4): globally unique, no host part needed. */
    String callId() { return "sb-" + tagPrefix + Long.toString(counter.incrementAndGet(), 36); }

    /** True for a branch this instance generated. */
    boolean isOurBranch(String branch) { return branch.startsWith(branchPrefix); }
}
