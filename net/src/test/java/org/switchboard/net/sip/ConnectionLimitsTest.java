package org.switchboard.net.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    private final InetAddress a = InetAddress.ofLiteral("192.0.2.1");
    private final InetAddress b = InetAddress.ofLiteral("192.0.2.2");

    @Test
    void capsPerAddressAndReleases() {
        ConnectionLimits limits = new ConnectionLimits(2, 10);
        assertThat(limits.tryAcquire(a)).isTrue();
        assertThat(limits.tryAcquire(a)).isTrue();
        assertThat(limits.tryAcquire(a)).isFalse();
        assertThat(limits.tryAcquire(b)).isTrue();
        limits.release(a);
        assertThat(limits.tryAcquire(a)).isTrue();
        assertThat(limits.open()).isEqualTo(3);
        assertThat(limits.open(a)).isEqualTo(2);
    }

    @Test
    void capsTheTotal() {
        ConnectionLimits limits = new ConnectionLimits(5, 2);
        assertThat(limits.tryAcquire(a)).isTrue();
        assertThat(limits.tryAcquire(b)).isTrue();
        assertThat(limits.tryAcquire(b)).isFalse();
        assertThat(limits.open()).isEqualTo(2);
        assertThat(limits.open(b)).isEqualTo(1);
    }
}
