package org.switchboard.pbx.voicemail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PinHashTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theHashMatchesItsPinOnlyAndSurvivesStorage() {
        PinHash hash = PinHash.of("2580", RANDOM, 1000);
        assertThat(hash.matches("2580")).isTrue();
        assertThat(hash.matches("2581")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();

        String stored = hash.encoded();
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("2580");
        PinHash read = PinHash.parse(stored).orElseThrow();
        assertThat(read).isEqualTo(hash);
        assertThat(read.matches("2580")).isTrue();
        assertThat(read.iterations()).isEqualTo(1000);
    }

    @Test
    void theSaltMakesEqualPinsHashDifferently() {
        PinHash a = PinHash.of("2580", RANDOM, 1000);
        PinHash b = PinHash.of("2580", RANDOM, 1000);
        assertThat(a.encoded()).isNotEqualTo(b.encoded());
        assertThat(a).isNotEqualTo(b);
        assertThat(b.matches("2580")).isTrue();
    }

    @Test
    void theDefaultCostIsTheOwaspFigureAndTheHashNeverPrints() {
        assertThat(PinHash.DEFAULT_ITERATIONS).isEqualTo(600_000);
        assertThat(PinHash.of("2580", RANDOM, 1000)).hasToString("PinHash[hidden]");
    }

    @Test
    void anythingElseDoesNotParse() {
        assertThat(PinHash.parse(null)).isEmpty();
        assertThat(PinHash.parse("2580")).isEmpty();
        assertThat(PinHash.parse("md5$1$AAAA$AAAA")).isEmpty();
        assertThat(PinHash.parse("pbkdf2-sha256$x$AAAA$AAAA")).isEmpty();
        assertThat(PinHash.parse("pbkdf2-sha256$1000$AAAA$AAAA")).as("a 3-byte hash").isEmpty();
        assertThat(PinHash.parse("pbkdf2-sha256$1000$!!$!!")).isEmpty();
    }
}
