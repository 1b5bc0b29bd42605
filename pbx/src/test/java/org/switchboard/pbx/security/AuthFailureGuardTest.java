package org.switchboard.pbx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthFailureGuardTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final InetAddress ATTACKER = InetAddress.ofLiteral("198.51.100.7");
    private static final InetAddress OFFICE = InetAddress.ofLiteral("203.0.113.20");

    @Test
    void defaultsAreTenFailuresInAMinuteBlockingTenMinutes() {
        AuthFailurePolicy d = AuthFailurePolicy.DEFAULTS;
        assertThat(d.maxFailures()).isEqualTo(10);
        assertThat(d.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.blockFor()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void blocksAtTheThresholdForTheConfiguredTime() {
        AuthFailureGuard guard = new AuthFailureGuard(AuthFailurePolicy.DEFAULTS);
        for (int i = 0; i < 9; i++) {
            assertThat(guard.recordFailure(ATTACKER, T0.plusSeconds(i))).isEmpty();
            assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(i))).isFalse();
        }
        assertThat(guard.recordFailure(ATTACKER, T0.plusSeconds(9))).contains(T0.plusSeconds(609));
        assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(9))).isTrue();
        assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(608))).isTrue();
        assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(609))).isFalse();
        assertThat(guard.isBlocked(OFFICE, T0.plusSeconds(9))).isFalse();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotBlock() {
        AuthFailureGuard guard = new AuthFailureGuard(AuthFailurePolicy.DEFAULTS);
        for (int i = 0; i < 30; i++) guard.recordFailure(ATTACKER, T0.plusSeconds(i * 7L)); // about 8 a minute
        assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(30 * 7))).isFalse();
    }

    @Test
    void aBlockIsReportedOnceAndCountingRestartsAfterIt() {
        var policy = new AuthFailurePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(100), 1000);
        AuthFailureGuard guard = new AuthFailureGuard(policy);
        guard.recordFailure(ATTACKER, T0);
        guard.recordFailure(ATTACKER, T0);
        assertThat(guard.recordFailure(ATTACKER, T0)).isPresent();
        assertThat(guard.recordFailure(ATTACKER, T0.plusSeconds(1))).isEmpty();
        Instant after = T0.plusSeconds(100);
        assertThat(guard.isBlocked(ATTACKER, after)).isFalse();
        assertThat(guard.recordFailure(ATTACKER, after)).isEmpty();
        assertThat(guard.isBlocked(ATTACKER, after)).isFalse();
    }

    @Test
    void memoryStaysBoundedUnderASpoofedFlood() {
        var policy = new AuthFailurePolicy(10, Duration.ofSeconds(60), Duration.ofSeconds(600), 1000);
        AuthFailureGuard guard = new AuthFailureGuard(policy);
        for (int i = 0; i < 20_000; i++) {
            guard.recordFailure(ip(i), T0.plusMillis(i));
            assertThat(guard.trackedAddresses()).isLessThanOrEqualTo(1001);
        }
    }

    @Test
    void blockedAddressesSurviveEvictionOfIdleOnes() {
        var policy = new AuthFailurePolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(600), 100);
        AuthFailureGuard guard = new AuthFailureGuard(policy);
        guard.recordFailure(ATTACKER, T0);
        guard.recordFailure(ATTACKER, T0);
        for (int i = 0; i < 500; i++) guard.recordFailure(ip(i), T0.plusSeconds(20));
        assertThat(guard.isBlocked(ATTACKER, T0.plusSeconds(20))).isTrue();
    }

    private static InetAddress ip(int i) {
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
