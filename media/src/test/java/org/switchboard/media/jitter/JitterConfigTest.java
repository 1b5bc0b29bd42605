package org.switchboard.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitterConfigTest {

    private final JitterConfig defaults = JitterConfig.forClockRate(8000);

    @Test
    void defaultsAreOneFrameToTwoHundredMilliseconds() {
        assertThat(defaults.minDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.ptime()).isEqualTo(Duration.ofMillis(20));
        assertThat(defaults.capacity()).isEqualTo(64);
        assertThat(defaults.units(Duration.ofMillis(20))).isEqualTo(160);
        assertThat(JitterConfig.forClockRate(48_000).units(Duration.ofMillis(20))).isEqualTo(960);
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> JitterConfig.forClockRate(0)).hasMessageContaining("clockRate");
        assertThatThrownBy(() -> defaults.withPtime(Duration.ofMillis(200))).hasMessageContaining("ptime");
        assertThatThrownBy(() -> defaults.withMinDelay(Duration.ofMillis(-1))).hasMessageContaining("minDelay");
        assertThatThrownBy(() -> defaults.withMaxDelay(Duration.ofMillis(10))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> defaults.withMaxDelay(Duration.ofSeconds(3))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> defaults.withCapacity(100)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> defaults.withMaxPayload(0)).hasMessageContaining("maxPayload");
        assertThatThrownBy(() -> defaults.withPtime(null)).isInstanceOf(NullPointerException.class);
    }
}
