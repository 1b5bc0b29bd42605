package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PortPoolTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private PortPool pool(int first, int last, Duration quarantine) {
        return new PortPool(new PortRange(first, last), quarantine, clock::get);
    }

    @Test
    void handsOutDistinctPairsUntilExhaustedThenSaysWhatToDo() throws Exception {
        PortPool pool = pool(10_000, 10_005, Duration.ZERO);
        Set<PortPair> got = new HashSet<>();
        for (int i = 0; i < 3; i++) got.add(pool.allocate("leg" + i));
        assertThat(got).containsExactlyInAnyOrder(new PortPair(10_000), new PortPair(10_002), new PortPair(10_004));
        assertThat(pool.allocated()).isEqualTo(3);
        assertThatThrownBy(() -> pool.allocate("leg3"))
                .isInstanceOf(NoMediaPortsException.class)
                .hasMessageContaining("all 3 RTP port pairs of 10000-10005 are in use")
                .hasMessageContaining("widen rtp-ports");
    }

    @Test
    void releasedPairIsReusedLastAndAllocationCountReturnsToZero() throws Exception {
        PortPool pool = pool(10_000, 10_005, Duration.ZERO);
        PortPair first = pool.allocate("a");
        assertThat(pool.release(first)).isTrue();
        assertThat(pool.allocate("b")).isEqualTo(new PortPair(10_002));
        assertThat(pool.allocate("c")).isEqualTo(new PortPair(10_004));
        assertThat(pool.allocate("d")).isEqualTo(first);
        assertThat(pool.inUse()).containsEntry(first, "d").hasSize(3);
        pool.inUse().keySet().forEach(pool::release);
        assertThat(pool.allocated()).isZero();
        assertThat(pool.inUse()).isEmpty();
    }

    @Test
    void releaseIsIdempotentAndIgnoresForeignPairs() throws Exception {
        PortPool pool = pool(10_000, 10_005, Duration.ZERO);
        PortPair p = pool.allocate("a");
        assertThat(pool.release(p)).isTrue();
        assertThat(pool.release(p)).isFalse();
        assertThat(pool.release(new PortPair(30_000))).isFalse();
        assertThat(pool.allocated()).isZero();
        // A double release must not put the pair in the queue twice.
        assertThat(Set.of(pool.allocate("x"), pool.allocate("y"), pool.allocate("z"))).hasSize(3);
    }

    @Test
    void quarantinedPairIsNotReusedBeforeItsTime() throws Exception {
        PortPool pool = pool(10_000, 10_001, Duration.ofSeconds(5));
        PortPair p = pool.allocate("a");
        pool.release(p);
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThatThrownBy(() -> pool.allocate("b"))
                .isInstanceOf(NoMediaPortsException.class)
                .hasMessageContaining("released less than 5000 ms ago (quarantine)");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(pool.allocate("b")).isEqualTo(p);
    }

    @Test
    void concurrentAllocationNeverHandsOutAPairTwice() throws Exception {
        PortPool pool = pool(10_000, 20_000, Duration.ZERO);
        Set<PortPair> held = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(8);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    try {
                        for (int i = 0; i < 2_000; i++) {
                            PortPair p = pool.allocate("t");
                            if (!held.add(p)) duplicates.incrementAndGet();
                            held.remove(p);
                            pool.release(p);
                        }
                    } catch (NoMediaPortsException e) {
                        failures.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
        }
        done.await();
        assertThat(duplicates).hasValue(0);
        assertThat(failures).hasValue(0);
        assertThat(pool.allocated()).isZero();
    }
}
