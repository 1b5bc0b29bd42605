package org.switchboard.net.rtp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media clock of one event loop: every {@value #PERIOD_MILLIS} ms it ticks the terminated
 * legs of that loop ({@link org.switchboard.media.channel.LegAudio#tick}), which send and play
 * out whatever frames are due, so each leg keeps its own packet time (10 to 60 ms) on a common
 * beat, and the call recorders of that loop ({@link NettyCallTap}). Runs only while the loop has
 * something to tick. Touched on its loop only: no lock.
 */
final class LegTicker implements Runnable {

    /** The beat: the shortest packet time, so no leg waits a whole extra packet time for its frame. */
    static final long PERIOD_MILLIS = 10;

    private static final Logger log = LoggerFactory.getLogger(LegTicker.class);

    private final EventLoop loop;
    private final InstantSource clock;
    private final List<Ticked> legs = new ArrayList<>();
    private ScheduledFuture<?> task;

    LegTicker(EventLoop loop, InstantSource clock) {
        this.loop = loop;
        this.clock = clock;
    }

    /** On the loop: starts ticking {@code leg}. */
    void add(Ticked leg) {
        legs.add(leg);
        if (task == null) {
            task = loop.scheduleAtFixedRate(this, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** On the loop: stops ticking {@code leg}; the beat stops with the last one. */
    void remove(Ticked leg) {
        legs.remove(leg);
        if (legs.isEmpty() && task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** Legs ticked now, for tests. */
    int size() {
        return legs.size();
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long wall = clock.millis();
        for (int i = 0; i < legs.size(); i++) {
            Ticked leg = legs.get(i);
            try {
                leg.tick(now, wall);
            } catch (RuntimeException e) {
                if (leg.firstFailure()) {
                    log.warn("media tick of leg {} failed; it goes on being ticked", leg.legId(), e);
                }
            }
        }
    }
}
