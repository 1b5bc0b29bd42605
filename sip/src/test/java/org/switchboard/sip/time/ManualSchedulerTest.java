package org.switchboard.sip.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> log = new ArrayList<>();

    private Scheduler.Handle at(long ms, String name) {
        return clock.schedule(Duration.ofMillis(ms), () -> log.add(name + "@" + clock.elapsed().toMillis()));
    }

    @Test
    void nothingRunsUntilTheClockMovesThenTasksRunInTimeOrderAtTheirOwnInstant() {
        at(300, "c");
        at(100, "a");
        at(200, "b");
        at(100, "a2");
        assertThat(log).isEmpty();

        clock.advance(Duration.ofMillis(250));
        assertThat(log).containsExactly("a@100", "a2@100", "b@200");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(250));
        assertThat(clock.pendingDelays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void cancelledTasksNeverRun() {
        Scheduler.Handle h = at(100, "x");
        h.cancel();
        h.cancel();
        clock.advance(Duration.ofSeconds(1));
        assertThat(log).isEmpty();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void tasksScheduledWhileAdvancingRunInTheSameAdvanceWhenDue() {
        clock.schedule(Duration.ofMillis(100), () -> {
            log.add("first@" + clock.elapsed().toMillis());
            at(50, "second");
            at(1000, "late");
        });
        clock.advance(Duration.ofMillis(200));
        assertThat(log).containsExactly("first@100", "second@150");
        assertThat(clock.pending()).isEqualTo(1);
    }

    @Test
    void zeroDelayRunsOnRunDue() {
        at(0, "now");
        clock.runDue();
        assertThat(log).containsExactly("now@0");
        assertThat(clock.nanoTime()).isZero();
    }
}
