package org.switchboard.net.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.time.Scheduler;

class WheelSchedulerTest {

    @Test
    void runsTaskAfterItsDelayAndNeverACancelledOne() throws InterruptedException {
        try (WheelScheduler scheduler = new WheelScheduler()) {
            AtomicBoolean cancelledRan = new AtomicBoolean();
            Scheduler.Handle cancelled = scheduler.schedule(Duration.ofMillis(30), () -> cancelledRan.set(true));
            cancelled.cancel();
            CountDownLatch ran = new CountDownLatch(1);
            long start = scheduler.nanoTime();
            long[] at = new long[1];
            scheduler.schedule(Duration.ofMillis(50), () -> {
                at[0] = scheduler.nanoTime();
                ran.countDown();
            });
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(at[0] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            // the cancelled task was due before the one that ran: it would have run by now
            assertThat(cancelledRan).isFalse();
        }
    }
}
