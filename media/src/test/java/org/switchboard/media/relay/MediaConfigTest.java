package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MediaConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        MediaConfig c = MediaConfig.defaults();
        assertThat(c.ports()).isEqualTo(new PortRange(10_000, 20_000));
        assertThat(c.portQuarantine()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.latch()).isEqualTo(new LatchPolicy(LatchPolicy.Mode.ANY_SOURCE, 3));
        assertThat(c.mediaTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.sweepInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void invalidValuesNameTheField() {
        MediaConfig c = MediaConfig.defaults();
        assertThatThrownBy(() -> c.withMediaTimeout(Duration.ofSeconds(-1))).hasMessageContaining("mediaTimeout");
        assertThatThrownBy(() -> c.withSweepInterval(Duration.ofMillis(1))).hasMessageContaining("sweepInterval");
        assertThatThrownBy(() -> c.withPortQuarantine(Duration.ofSeconds(-1))).hasMessageContaining("portQuarantine");
        assertThatThrownBy(() -> new LatchPolicy(LatchPolicy.Mode.ANY_SOURCE, 0)).hasMessageContaining("lockAfter");
    }
}
