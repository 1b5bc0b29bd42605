package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SilenceSweepTest {

    private static final long S = 1_000_000_000L;
    private final SilenceSweep sweep = new SilenceSweep(Duration.ofSeconds(30));
    private final SilenceWatch talking = new SilenceWatch();
    private final SilenceWatch silent = new SilenceWatch();
    private final List<SilenceWatch> legs = List.of(talking, silent);

    private List<SilenceWatch> due(long now) {
        return sweep.sweep(legs, Function.identity(), now).stream().map(SilenceSweep.Silent::endpoint).toList();
    }

    @Test
    void reportsABridgedLegSilentForTheTimeoutOnce() {
        talking.bridged(true, 0);
        silent.bridged(true, 0);
        talking.heard(10 * S);
        silent.heard(5 * S);
        talking.heard(36 * S);
        assertThat(due(34 * S)).isEmpty();
        List<SilenceSweep.Silent<SilenceWatch>> found = sweep.sweep(legs, Function.identity(), 35 * S);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.endpoint()).isSameAs(silent);
            assertThat(s.silence()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(due(100 * S)).as("each leg is reported once").containsExactly(talking);
        assertThat(due(200 * S)).isEmpty();
    }

    @Test
    void aLegThatNeverSentIsCountedFromTheBridge() {
        silent.bridged(true, 50 * S);
        assertThat(due(79 * S)).isEmpty();
        assertThat(due(80 * S)).containsExactly(silent);
    }

    @Test
    void unbridgedOrHeldLegsAreNotWatchedAndResumeRestartsTheCount() {
        assertThat(due(1_000 * S)).as("ringing legs are never bridged").isEmpty();
        silent.bridged(true, 0);
        silent.suspended(true, 10 * S);
        assertThat(due(100 * S)).isEmpty();
        silent.suspended(false, 100 * S);
        assertThat(due(129 * S)).isEmpty();
        assertThat(due(130 * S)).containsExactly(silent);
    }

    @Test
    void aFinishedWatchIsNotReported() {
        silent.bridged(true, 0);
        assertThat(silent.finish()).isTrue();
        assertThat(silent.finish()).isFalse();
        assertThat(due(100 * S)).isEmpty();
    }

    @Test
    void zeroTimeoutDisablesTheSweep() {
        SilenceSweep off = new SilenceSweep(Duration.ZERO);
        silent.bridged(true, 0);
        assertThat(off.enabled()).isFalse();
        assertThat(off.sweep(legs, Function.identity(), 1_000 * S)).isEmpty();
    }
}
