package org.switchboard.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delays in 8 kHz units: 8 units a millisecond. */
class DelayEstimatorTest {

    private final DelayEstimator estimator = new DelayEstimator(160, 1600, 40);

    @Test
    void theTargetIsTheNinetyEighthPercentileBeyondTheFastestPlusTheGuard() {
        for (int i = 0; i < 100; i++) {
            estimator.add(1000 + i * 4);  // transits 1000..1396, in shuffled order below too
        }
        assertThat(estimator.minTransit()).isEqualTo(1000);
        assertThat(estimator.jitter()).isEqualTo(97 * 4);
        assertThat(estimator.target(0)).isEqualTo(97 * 4 + 40);
        assertThat(estimator.floor()).isEqualTo(97 * 4);
    }

    @Test
    void aFewOutliersDoNotMoveTheTarget() {
        for (int i = 0; i < DelayEstimator.WINDOW; i++) {
            estimator.add(500 + (i * 37) % 200);
        }
        long calm = estimator.target(0);
        for (int i = 0; i < 4; i++) {
            estimator.add(2_000);
        }
        // Four of 256 packets 190 ms late move the target by less than a millisecond.
        assertThat(estimator.target(0)).isBetween(calm, calm + 8);
    }

    @Test
    void theWindowForgetsWhatIsOlderThanItsLastPackets() {
        for (int i = 0; i < DelayEstimator.WINDOW; i++) {
            estimator.add(i % 2 == 0 ? 0 : 1200);
        }
        assertThat(estimator.jitter()).isEqualTo(1200);
        for (int i = 0; i < DelayEstimator.WINDOW; i++) {
            estimator.add(5_000 + i % 3);
        }
        assertThat(estimator.minTransit()).isEqualTo(5_000);
        assertThat(estimator.jitter()).isEqualTo(2);
    }

    @Test
    void theTargetStaysWithinItsBounds() {
        estimator.add(0);
        assertThat(estimator.target(0)).isEqualTo(160);
        estimator.add(100_000);
        assertThat(estimator.target(0)).isEqualTo(1600);
        assertThat(estimator.floor()).isEqualTo(1600);
    }

    @Test
    void aLatePacketRaisesTheTargetAtOnceAndItDecaysTwentyMillisecondsASecond() {
        estimator.add(0);
        estimator.notePeak(800, 0);  // needed 100 ms
        assertThat(estimator.target(0)).isEqualTo(840);
        assertThat(estimator.target(8000)).isEqualTo(840 - 160);  // one second later: 20 ms less
        assertThat(estimator.target(80_000)).isEqualTo(160);
        estimator.clear();
        assertThat(estimator.isEmpty()).isTrue();
        assertThat(estimator.target(0)).isEqualTo(160);
    }
}
