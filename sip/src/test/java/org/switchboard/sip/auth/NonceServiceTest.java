package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void freshNoncesAreUniqueAndValid() {
        NonceService s = new NonceService();
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String n = s.issue(T0);
            assertThat(seen.add(n)).isTrue();
            assertThat(n).hasSize(43).matches("[A-Za-z0-9_-]+");
        }
        assertThat(s.validate(s.issue(T0), T0)).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void expiresAfterItsLifetime() {
        NonceService s = new NonceService(Duration.ofSeconds(300), 1000);
        String n = s.issue(T0);
        assertThat(s.check(n, 1, T0.plusSeconds(299))).isEqualTo(NonceService.Verdict.VALID);
        assertThat(s.check(n, 2, T0.plusSeconds(300))).isEqualTo(NonceService.Verdict.STALE);
        assertThat(s.validate(n, T0.plusSeconds(301))).isEqualTo(NonceService.Verdict.STALE);
    }

    @Test
    void nonceCountMustGrow() {
        NonceService s = new NonceService();
        String n = s.issue(T0);
        assertThat(s.check(n, 1, T0)).isEqualTo(NonceService.Verdict.VALID);
        assertThat(s.check(n, 1, T0)).isEqualTo(NonceService.Verdict.REPLAYED);
        assertThat(s.check(n, 3, T0)).isEqualTo(NonceService.Verdict.VALID);
        assertThat(s.check(n, 2, T0)).isEqualTo(NonceService.Verdict.REPLAYED);
        assertThat(s.check(n, 0, T0)).isEqualTo(NonceService.Verdict.REPLAYED);
        assertThat(s.check(n, 4, T0)).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void forgedOrTamperedNoncesAreRefused() {
        NonceService s = new NonceService();
        String n = s.issue(T0);
        char flipped = n.charAt(5) == 'A' ? 'B' : 'A';
        String tampered = n.substring(0, 5) + flipped + n.substring(6);
        assertThat(s.check(tampered, 1, T0)).isEqualTo(NonceService.Verdict.FORGED);
        assertThat(s.check("dcd98b7102dd2f0e8b11d0f600bfb0c093", 1, T0)).isEqualTo(NonceService.Verdict.FORGED);
        assertThat(s.check("!".repeat(43), 1, T0)).isEqualTo(NonceService.Verdict.FORGED);
        assertThat(s.check(null, 1, T0)).isEqualTo(NonceService.Verdict.FORGED);
        // another instance (a restarted server) has another key
        assertThat(new NonceService().check(n, 1, T0)).isEqualTo(NonceService.Verdict.FORGED);
    }

    @Test
    void memoryIsBoundedAndForgottenNoncesNeverReplay() {
        NonceService s = new NonceService(Duration.ofSeconds(300), 100);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String n = s.issue(T0);
            assertThat(s.check(n, 1, T0)).isEqualTo(NonceService.Verdict.VALID);
            used.add(n);
            assertThat(s.tracked()).isLessThanOrEqualTo(101);
        }
        // every earlier nonce is either still tracked (replay) or forgotten (stale): never valid again
        for (String n : used) assertThat(s.check(n, 1, T0)).isIn(NonceService.Verdict.REPLAYED, NonceService.Verdict.STALE);
    }

    @Test
    void expiredEntriesArePruned() {
        NonceService s = new NonceService(Duration.ofSeconds(10), 100);
        for (int i = 0; i < 50; i++) s.check(s.issue(T0), 1, T0);
        assertThat(s.tracked()).isEqualTo(50);
        Instant later = T0.plusSeconds(60);
        for (int i = 0; i < 25; i++) s.check(s.issue(later), 1, later);
        assertThat(s.tracked()).isLessThanOrEqualTo(25);
    }
}
