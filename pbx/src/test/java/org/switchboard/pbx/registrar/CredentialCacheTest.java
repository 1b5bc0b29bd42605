package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.extension.SipSecret;

class CredentialCacheTest {

    private final List<String> loads = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final CredentialCache cache = new CredentialCache(n -> {
        loads.add(n);
        return n.equals("1001") ? Optional.of(SipSecret.of("s3cret-1001")) : Optional.empty();
    }, clock, Duration.ofSeconds(60), 100);

    @Test
    void secretsAndAbsencesAreCachedUntilTheyAgeOut() {
        assertThat(cache.apply("1001")).contains(SipSecret.of("s3cret-1001"));
        assertThat(cache.apply("1001")).isPresent();
        assertThat(cache.apply("1999")).isEmpty();
        assertThat(cache.apply("1999")).isEmpty();
        assertThat(loads).containsExactly("1001", "1999");
        now.set(now.get().plusSeconds(60));
        cache.apply("1001");
        assertThat(loads).containsExactly("1001", "1999", "1001");
    }

    @Test
    void namesThatAreNotExtensionNumbersNeverReachTheRepository() {
        assertThat(cache.apply("admin")).isEmpty();
        assertThat(cache.apply("0123")).isEmpty();
        assertThat(loads).isEmpty();
    }

    @Test
    void invalidateForcesAFreshRead() {
        cache.apply("1001");
        cache.invalidate("1001");
        cache.apply("1001");
        assertThat(loads).containsExactly("1001", "1001");
    }

    @Test
    void sizeIsBounded() {
        for (int i = 0; i < 1000; i++) cache.apply(Integer.toString(2000 + i));
        cache.apply("1001");
        cache.apply("1001");
        assertThat(loads.stream().filter("1001"::equals)).hasSize(1);
    }
}
