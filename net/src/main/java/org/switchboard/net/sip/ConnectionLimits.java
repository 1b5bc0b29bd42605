package org.switchboard.net.sip;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection caps: at most {@code perAddress} open TCP/TLS connections per remote IP and
 * {@code total} in all. One misbehaving or hostile host cannot take every file descriptor,
 * which keeps registrations from everyone else working under a connection flood.
 * Thread-safe; every successful {@link #tryAcquire} must be paired with one {@link #release}.
 */
final class ConnectionLimits {

    private final int perAddress;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    ConnectionLimits(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    /** Takes a slot for a connection with {@code remote}; false when a cap is reached. */
    boolean tryAcquire(InetAddress remote) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return false;
        }
        boolean[] granted = {false};
        byAddress.compute(remote, (ip, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perAddress) return n;
            granted[0] = true;
            return count + 1;
        });
        if (!granted[0]) open.decrementAndGet();
        return granted[0];
    }

    /** Gives back a slot taken by {@link #tryAcquire}. */
    void release(InetAddress remote) {
        byAddress.computeIfPresent(remote, (ip, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    int open(InetAddress remote) {
        return byAddress.getOrDefault(remote, 0);
    }
}
