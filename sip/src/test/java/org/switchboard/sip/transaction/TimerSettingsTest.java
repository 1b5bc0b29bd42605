package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerSettingsTest {

    private final TimerSettings t = TimerSettings.DEFAULT;

    @Test
    void defaultsAreThoseOfRfc3261() {
        assertThat(t.t1()).isEqualTo(Duration.ofMillis(500));
        assertThat(t.t2()).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.t4()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.timerB()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerF()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerH()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerL()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerM()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerD(false)).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerI(false)).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.timerJ(false)).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.timerK(false)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void absorptionTimersAreZeroOnReliableTransports() {
        assertThat(t.timerD(true)).isZero();
        assertThat(t.timerI(true)).isZero();
        assertThat(t.timerJ(true)).isZero();
        assertThat(t.timerK(true)).isZero();
    }

    @Test
    void timeoutsFollowT1() {
        TimerSettings s = TimerSettings.of(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(s.timerB()).isEqualTo(Duration.ofSeconds(16));
        assertThat(s.timerJ(false)).isEqualTo(Duration.ofSeconds(16));
        assertThat(s.timerK(false)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void doublingIsCappedAtT2WhenAsked() {
        assertThat(t.doubled(Duration.ofSeconds(2), true)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.doubled(Duration.ofSeconds(4), true)).isEqualTo(Duration.ofSeconds(4));
        assertThat(t.doubled(Duration.ofSeconds(4), false)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void nonsenseIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TimerSettings.of(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(5)))
                .hasMessageContaining("T1");
        assertThatThrownBy(() -> TimerSettings.of(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(5)))
                .hasMessageContaining("T2");
    }
}
