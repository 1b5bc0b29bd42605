package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void withoutItsOwnRingTimeoutAnExtensionRingsForTheServerDefault() {
        Extension hall = new Extension("1001", "Hall", CREATED);

        assertThat(hall.ringTimeout()).isEmpty();
        assertThat(hall.ringTimeoutOr(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(hall.withRingTimeout(Optional.of(Duration.ofSeconds(15))).ringTimeoutOr(Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRingTimeoutOutsideTheRuleCannotExist() {
        for (Duration bad : new Duration[] {Duration.ofSeconds(4), Duration.ofSeconds(601), Duration.ofMillis(5_500)}) {
            assertThatThrownBy(() -> new Extension("1001", "Hall", CREATED, Optional.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(RingTimeout.RULE);
        }
        assertThat(RingTimeout.isValid(RingTimeout.MIN)).isTrue();
        assertThat(RingTimeout.isValid(RingTimeout.MAX)).isTrue();
        assertThat(RingTimeout.isValid(null)).isFalse();
        assertThat(RingTimeout.problem(null)).contains(RingTimeout.RULE);
    }

    @Test
    void aChangeIsEmptyUntilSomethingIsSet() {
        assertThat(ExtensionChange.NONE.isEmpty()).isTrue();
        assertThat(ExtensionChange.NONE.withName("Hall").isEmpty()).isFalse();
        assertThat(ExtensionChange.NONE.withDefaultRingTimeout().ringTimeout()).contains(Optional.empty());
        assertThat(ExtensionChange.NONE.withRingTimeout(Duration.ofSeconds(20)).withName("Hall"))
                .isEqualTo(new ExtensionChange(Optional.of("Hall"), Optional.of(Optional.of(Duration.ofSeconds(20)))));
    }

    @Test
    void anExtensionWithoutAPolicyHasOptionalSrtpAndChangesKeepIt() {
        Extension hall = new Extension("1001", "Hall", CREATED);
        assertThat(hall.srtp()).isEqualTo(SrtpPolicy.OPTIONAL);
        Extension secure = hall.withSrtp(SrtpPolicy.REQUIRED);
        assertThat(secure.withName("Front hall").withRingTimeout(Optional.of(Duration.ofSeconds(20))).srtp())
                .isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(ExtensionChange.NONE.withSrtp(SrtpPolicy.OFF).isEmpty()).isFalse();
        assertThat(ExtensionChange.NONE.withSrtp(SrtpPolicy.OFF).srtp()).contains(SrtpPolicy.OFF);
    }

    @Test
    void anExtensionSpeaksTheServersLanguageAndMusicAndIsNotRecordedUntilToldOtherwise() {
        Extension hall = new Extension("1001", "Hall", CREATED);
        assertThat(hall.language()).isEmpty();
        assertThat(hall.languageOr("de")).isEqualTo("de");
        assertThat(hall.mohClass()).isEmpty();
        assertThat(hall.recording()).isEqualTo(RecordingPolicy.NEVER);

        Extension swiss = hall.withLanguage(Optional.of("fr-CH")).withMohClass(Optional.of("jazz"))
                .withRecording(RecordingPolicy.ON_DEMAND);
        Extension renamed = swiss.withName("Front hall").withSrtp(SrtpPolicy.OFF).withRingTimeout(Optional.of(Duration.ofSeconds(20)));
        assertThat(renamed.language()).contains("fr-CH");
        assertThat(renamed.languageOr("de")).isEqualTo("fr-CH");
        assertThat(renamed.mohClass()).contains("jazz");
        assertThat(renamed.recording()).isEqualTo(RecordingPolicy.ON_DEMAND);
        assertThat(renamed.withLanguage(Optional.empty()).withMohClass(Optional.empty()))
                .isEqualTo(hall.withName("Front hall").withSrtp(SrtpPolicy.OFF).withRingTimeout(Optional.of(Duration.ofSeconds(20)))
                        .withRecording(RecordingPolicy.ON_DEMAND));
    }

    @Test
    void aLanguageOrMusicClassOutsideTheRuleCannotExist() {
        Extension hall = new Extension("1001", "Hall", CREATED);
        for (String bad : new String[] {"es", "fr_CH", "FR", "english"}) {
            assertThatThrownBy(() -> hall.withLanguage(Optional.of(bad))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(ExtensionLanguage.RULE);
        }
        for (String bad : new String[] {"../etc", ".hidden", "-x", "a b", "x".repeat(65)}) {
            assertThatThrownBy(() -> hall.withMohClass(Optional.of(bad))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(MohClass.RULE);
        }
        assertThatThrownBy(() -> hall.withRecording(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aChangeOfLanguageMusicOrRecordingIsAChange() {
        assertThat(ExtensionChange.NONE.withLanguage("fr").language()).contains(Optional.of("fr"));
        assertThat(ExtensionChange.NONE.withDefaultLanguage().language()).contains(Optional.empty());
        assertThat(ExtensionChange.NONE.withMohClass("jazz").mohClass()).contains(Optional.of("jazz"));
        assertThat(ExtensionChange.NONE.withDefaultMohClass().isEmpty()).isFalse();
        assertThat(ExtensionChange.NONE.withRecording(RecordingPolicy.ALWAYS).recording()).contains(RecordingPolicy.ALWAYS);
        assertThat(ExtensionChange.NONE.withRecording(RecordingPolicy.ALWAYS).withName("Hall").recording())
                .as("later changes keep it").contains(RecordingPolicy.ALWAYS);
    }
}
