package org.switchboard.net.rtp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One leg's packet counters. "In" is written only by the leg's event loop and "out" only by
 * its partner's, so the hot counters use release stores (plain moves on x86) rather than
 * atomic adds; drops, rare and from either side, are atomic.
 */
final class LegCounters {

    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong foreign = new AtomicLong();
    final AtomicLong authFailures = new AtomicLong();
    final AtomicLong replays = new AtomicLong();

    void received(int bytes) {
        packetsIn.lazySet(packetsIn.get() + 1);
        bytesIn.lazySet(bytesIn.get() + bytes);
    }

    void sent(int bytes) {
        packetsOut.lazySet(packetsOut.get() + 1);
        bytesOut.lazySet(bytesOut.get() + bytes);
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    /** An SRTP/SRTCP packet from the phone that did not authenticate: a drop. */
    void authFailure() {
        authFailures.incrementAndGet();
        dropped.incrementAndGet();
    }

    /** A replayed or too old SRTP/SRTCP packet from the phone: a drop. */
    void replay() {
        replays.incrementAndGet();
        dropped.incrementAndGet();
    }

    void foreignSource() {
        foreign.incrementAndGet();
        dropped.incrementAndGet();
    }
}
