package org.switchboard.net.time;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.switchboard.sip.time.Scheduler;

/**
 * The production {@link Scheduler}: Netty's hashed wheel timer. A registration storm keeps
 * one transaction timer per REGISTER alive for Timer J (32 s over UDP), hundreds of thousands
 * at once; a wheel schedules and cancels those in constant time where a heap would not.
 * Tasks run on the wheel's single thread and must hand real work to their own executor,
 * which the SIP stack does. Resolution is {@link #TICK}.
 */
public final class WheelScheduler implements Scheduler, AutoCloseable {

    /** Timer resolution: SIP timers are 500 ms and up, so 10 ms is plenty. */
    public static final Duration TICK = Duration.ofMillis(10);

    private final HashedWheelTimer wheel;

    public WheelScheduler() {
        wheel = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "sip-timer");
            t.setDaemon(true);
            return t;
        }, TICK.toMillis(), TimeUnit.MILLISECONDS, 1024, true, -1);
        wheel.start();
    }

    @Override
    public Handle schedule(Duration delay, Runnable task) {
        Timeout timeout = wheel.newTimeout(t -> task.run(), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return timeout::cancel;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Stops the wheel; tasks not yet run are dropped. */
    @Override
    public void close() {
        wheel.stop();
    }
}
