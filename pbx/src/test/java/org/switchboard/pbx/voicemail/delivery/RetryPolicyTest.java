package org.switchboard.pbx.voicemail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void delaysDoubleFromOneMinuteUpToSixHours() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(p.delayAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(p.delayAfter(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void noAttemptIsPlannedPastTheLimit() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.next(CREATED, 1, CREATED)).contains(CREATED.plusSeconds(60));
        Instant late = CREATED.plus(Duration.ofHours(42));
        assertThat(p.next(CREATED, 12, late)).as("exactly at the limit").contains(late.plus(Duration.ofHours(6)));
        assertThat(p.next(CREATED, 13, late.plusSeconds(1))).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
