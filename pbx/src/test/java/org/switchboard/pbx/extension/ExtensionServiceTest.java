package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.extension.ExtensionService.Outcome;
import org.switchboard.pbx.extension.ExtensionService.Saved;

class ExtensionServiceTest {

    private final MemoryExtensionRepository repository = new MemoryExtensionRepository();
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:15:30.123Z"), ZoneOffset.UTC);
    private final ExtensionService service = new ExtensionService(repository, new SplittableRandom(7), clock);
    private final List<String> changed = new ArrayList<>();

    { service.addListener(changed::add); }

    @Test
    void addWithoutPasswordGeneratesAStrongOneAndReturnsItOnce() {
        Saved saved = done(service.add("1001", "  Alice  ", Optional.empty()));

        assertThat(saved.extension()).isEqualTo(new Extension("1001", "Alice", Instant.parse("2025-03-01T10:15:30Z")));
        String password = saved.generatedPassword().orElseThrow().reveal();
        assertThat(password).hasSize(ExtensionService.GENERATED_LENGTH)
                .matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(repository.secret("1001").orElseThrow().reveal()).isEqualTo(password);
        assertThat(changed).containsExactly("1001");
    }

    @Test
    void addWithPasswordKeepsItAndReturnsNoGeneratedOne() {
        Saved saved = done(service.add("1002", "Bob", Optional.of("correct-horse")));

        assertThat(saved.generatedPassword()).isEmpty();
        assertThat(repository.secret("1002").orElseThrow().reveal()).isEqualTo("correct-horse");
    }

    @Test
    void generatedPasswordsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) seen.add(service.generatePassword().reveal());
        assertThat(seen).hasSize(100);
    }

    @Test
    void rejectsInvalidInputWithTheRule() {
        assertThat(service.add("0123", "Zero", Optional.empty()))
                .isEqualTo(new Outcome.Invalid<Saved>("'0123' is not a valid extension number: " + ExtensionNumber.RULE));
        assertThat(service.add("1001", " ", Optional.empty()))
                .isEqualTo(new Outcome.Invalid<Saved>(ExtensionService.NAME_RULE));
        assertThat(service.add("1001", "Tab\there", Optional.empty()))
                .isEqualTo(new Outcome.Invalid<Saved>(ExtensionService.NAME_RULE));
        assertThat(service.add("1001", "Alice", Optional.of("short")))
                .isEqualTo(new Outcome.Invalid<Saved>("a SIP password needs at least " + SipSecret.MIN_LENGTH + " characters"));
        assertThat(repository.list()).isEmpty();
        assertThat(changed).isEmpty();
    }

    @Test
    void duplicateNumberIsReported() {
        done(service.add("1001", "Alice", Optional.empty()));
        assertThat(service.add("1001", "Other", Optional.empty())).isEqualTo(new Outcome.Duplicate<Saved>("1001"));
        assertThat(repository.find("1001").orElseThrow().name()).isEqualTo("Alice");
    }

    @Test
    void removeAndPasswordChangeNotifyListeners() {
        done(service.add("1001", "Alice", Optional.of("first-password")));

        Saved changedPassword = done(service.changePassword("1001", Optional.empty()));
        assertThat(changedPassword.generatedPassword()).isPresent();
        assertThat(repository.secret("1001").orElseThrow()).isEqualTo(changedPassword.generatedPassword().get());

        assertThat(service.remove("1001")).isEqualTo(new Outcome.Done<>("1001"));
        assertThat(changed).containsExactly("1001", "1001", "1001");
    }

    @Test
    void unknownNumbersAreNotFound() {
        assertThat(service.remove("4711")).isEqualTo(new Outcome.NotFound<String>("4711"));
        assertThat(service.changePassword("4711", Optional.of("long-enough"))).isEqualTo(new Outcome.NotFound<Saved>("4711"));
        assertThat(changed).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<String> second = new ArrayList<>();
        service.addListener(n -> { throw new IllegalStateException("boom"); });
        service.addListener(second::add);

        done(service.add("1001", "Alice", Optional.empty()));

        assertThat(second).containsExactly("1001");
    }

    @Test
    void anExtensionRingsForTheServerDefaultUntilGivenItsOwnTime() {
        Saved hall = done(service.add("1001", "Hall", Optional.of("hall-password")));
        Saved doctor = done(service.add("1002", "Doctor", Optional.of("doctor-password"), Optional.of(Duration.ofSeconds(40))));

        assertThat(hall.extension().ringTimeout()).isEmpty();
        assertThat(service.ringTimeoutOf(hall.extension())).isEqualTo(Duration.ofSeconds(30));
        assertThat(repository.find("1002").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(40));
        assertThat(service.ringTimeoutOf(doctor.extension())).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void theServerDefaultComesFromTheConfiguration() {
        ExtensionService configured = new ExtensionService(repository, new SplittableRandom(7), clock, Duration.ofSeconds(45));
        Extension hall = done(configured.add("1001", "Hall", Optional.empty())).extension();

        assertThat(configured.defaultRingTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(configured.ringTimeoutOf(hall)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void updateChangesNameAndRingTimeoutButNotTheSecretAndTellsListeners() {
        done(service.add("1001", "Hall", Optional.of("hall-password")));
        changed.clear();

        Extension shorter = done(service.update("1001", ExtensionChange.NONE.withRingTimeout(Duration.ofSeconds(15))));
        assertThat(shorter).isEqualTo(new Extension("1001", "Hall", Instant.parse("2025-03-01T10:15:30Z"),
                Optional.of(Duration.ofSeconds(15))));
        assertThat(repository.find("1001")).contains(shorter);

        Extension renamed = done(service.update("1001", ExtensionChange.NONE.withName("  Front hall ")));
        assertThat(renamed.name()).isEqualTo("Front hall");
        assertThat(renamed.ringTimeout()).as("an absent ring timeout is kept").contains(Duration.ofSeconds(15));

        Extension reset = done(service.update("1001", ExtensionChange.NONE.withDefaultRingTimeout()));
        assertThat(reset.ringTimeout()).isEmpty();
        assertThat(reset.name()).isEqualTo("Front hall");

        assertThat(repository.secret("1001")).contains(SipSecret.of("hall-password"));
        assertThat(changed).containsExactly("1001", "1001", "1001");
    }

    @Test
    void updateChangesTheSrtpPolicyAndKeepsTheRest() {
        done(service.add("1001", "Hall", Optional.of("hall-password")));
        changed.clear();
        Extension secure = done(service.update("1001", ExtensionChange.NONE.withSrtp(SrtpPolicy.REQUIRED)));
        assertThat(secure.srtp()).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(secure.name()).isEqualTo("Hall");
        assertThat(repository.find("1001")).contains(secure);
        Extension renamed = done(service.update("1001", ExtensionChange.NONE.withName("Front hall")));
        assertThat(renamed.srtp()).as("an absent policy is kept").isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(changed).containsExactly("1001", "1001");
    }

    @Test
    void anExtensionIsAddedWithItsLanguageMusicAndRecording() {
        Saved doctor = done(service.add("1002", "Doctor", Optional.of("doctor-password"), ExtensionChange.NONE
                .withLanguage("fr_ch").withMohClass("jazz").withRecording(RecordingPolicy.ALWAYS)
                .withRingTimeout(Duration.ofSeconds(40))));

        Extension stored = repository.find("1002").orElseThrow();
        assertThat(stored).isEqualTo(doctor.extension());
        assertThat(stored.language()).as("stored in canonical case").contains("fr-CH");
        assertThat(stored.mohClass()).contains("jazz");
        assertThat(stored.recording()).isEqualTo(RecordingPolicy.ALWAYS);
        assertThat(stored.ringTimeout()).contains(Duration.ofSeconds(40));
        assertThat(stored.srtp()).isEqualTo(SrtpPolicy.OPTIONAL);
        assertThat(done(service.add("1003", "Lab", Optional.empty())).extension().recording()).isEqualTo(RecordingPolicy.NEVER);
    }

    @Test
    void updateSetsAndResetsLanguageMusicAndRecordingAndKeepsTheRest() {
        done(service.add("1001", "Hall", Optional.of("hall-password"), Optional.of(Duration.ofSeconds(20))));
        changed.clear();

        Extension set = done(service.update("1001", ExtensionChange.NONE.withLanguage(" DE ").withMohClass(" piano.2 ")
                .withRecording(RecordingPolicy.ON_DEMAND)));
        assertThat(set.language()).contains("de");
        assertThat(set.mohClass()).contains("piano.2");
        assertThat(set.recording()).isEqualTo(RecordingPolicy.ON_DEMAND);
        assertThat(set.ringTimeout()).contains(Duration.ofSeconds(20));
        assertThat(repository.find("1001")).contains(set);

        Extension renamed = done(service.update("1001", ExtensionChange.NONE.withName("Front hall")));
        assertThat(renamed.language()).as("absent settings are kept").contains("de");
        assertThat(renamed.mohClass()).contains("piano.2");
        assertThat(renamed.recording()).isEqualTo(RecordingPolicy.ON_DEMAND);

        Extension reset = done(service.update("1001", ExtensionChange.NONE.withDefaultLanguage().withDefaultMohClass()
                .withRecording(RecordingPolicy.NEVER)));
        assertThat(reset.language()).isEmpty();
        assertThat(reset.mohClass()).isEmpty();
        assertThat(reset.recording()).isEqualTo(RecordingPolicy.NEVER);
        assertThat(reset.name()).isEqualTo("Front hall");
        assertThat(repository.secret("1001")).contains(SipSecret.of("hall-password"));
        assertThat(changed).containsExactly("1001", "1001", "1001");
    }

    @Test
    void aLanguageWithoutPromptsOrABadMusicClassIsRefusedWithTheRuleAndChangesNothing() {
        done(service.add("1001", "Hall", Optional.of("hall-password")));
        changed.clear();

        assertThat(service.update("1001", ExtensionChange.NONE.withLanguage("es").withName("Sala")))
                .isEqualTo(new Outcome.Invalid<Extension>(
                        "language must be one of en, fr, de, optionally with a region (fr-CH), got 'es'"));
        assertThat(service.update("1001", ExtensionChange.NONE.withMohClass("../../etc")))
                .isEqualTo(new Outcome.Invalid<Extension>("music on hold class must be 1 to 64 letters, digits, dots,"
                        + " dashes or underscores, starting with a letter or digit, got '../../etc'"));
        assertThat(service.update("1001", ExtensionChange.NONE.withLanguage("fr\u0000")))
                .isEqualTo(new Outcome.Invalid<Extension>(ExtensionLanguage.RULE + ", got 'fr?'"));
        assertThat(service.add("1002", "Lab", Optional.empty(), ExtensionChange.NONE.withMohClass("jazz & blues")))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(repository.find("1001").orElseThrow()).isEqualTo(new Extension("1001", "Hall",
                Instant.parse("2025-03-01T10:15:30Z")));
        assertThat(repository.find("1002")).isEmpty();
        assertThat(changed).isEmpty();
    }

    @Test
    void ringTimeoutsOutsideTheBoundsAreRefusedWithTheRule() {
        done(service.add("1001", "Hall", Optional.of("hall-password")));
        changed.clear();

        for (Duration bad : List.of(Duration.ofSeconds(4), Duration.ZERO, Duration.ofSeconds(-20), Duration.ofSeconds(601),
                Duration.ofDays(2))) {
            Outcome<Extension> outcome = service.update("1001", ExtensionChange.NONE.withRingTimeout(bad));
            assertThat(outcome).isEqualTo(new Outcome.Invalid<Extension>(
                    "ring timeout must be 5 to 600 seconds, got " + bad.toSeconds()));
        }
        assertThat(service.update("1001", ExtensionChange.NONE.withRingTimeout(Duration.ofMillis(15_500))))
                .isEqualTo(new Outcome.Invalid<Extension>("ring timeout must be 5 to 600 seconds (whole seconds), got 15.5"));
        assertThat(service.add("1002", "Bob", Optional.empty(), Optional.of(Duration.ofSeconds(3))))
                .isEqualTo(new Outcome.Invalid<Saved>("ring timeout must be 5 to 600 seconds, got 3"));

        assertThat(done(service.update("1001", ExtensionChange.NONE.withRingTimeout(Duration.ofSeconds(5)))).ringTimeout())
                .as("the bounds themselves are allowed").contains(Duration.ofSeconds(5));
        assertThat(done(service.update("1001", ExtensionChange.NONE.withRingTimeout(Duration.ofSeconds(600)))).ringTimeout())
                .contains(Duration.ofSeconds(600));
        assertThat(repository.find("1002")).isEmpty();
        assertThat(changed).containsExactly("1001", "1001");
    }

    @Test
    void updateRefusesBadInputAndUnknownNumbers() {
        done(service.add("1001", "Hall", Optional.of("hall-password")));
        changed.clear();

        assertThat(service.update("1001", ExtensionChange.NONE))
                .isEqualTo(new Outcome.Invalid<Extension>(ExtensionService.NOTHING_TO_CHANGE));
        assertThat(service.update("1001", ExtensionChange.NONE.withName("\u0007bell")))
                .isEqualTo(new Outcome.Invalid<Extension>(ExtensionService.NAME_RULE));
        assertThat(service.update("01", ExtensionChange.NONE.withName("Zero")))
                .isEqualTo(new Outcome.Invalid<Extension>("'01' is not a valid extension number: " + ExtensionNumber.RULE));
        assertThat(service.update("4711", ExtensionChange.NONE.withName("Nobody")))
                .isEqualTo(new Outcome.NotFound<Extension>("4711"));
        assertThat(repository.find("1001").orElseThrow().name()).isEqualTo("Hall");
        assertThat(changed).isEmpty();
    }

    @Test
    void getTellsAnInvalidNumberFromAnUnknownOne() {
        Extension hall = done(service.add("1001", "Hall", Optional.empty())).extension();

        assertThat(service.get("1001")).isEqualTo(new Outcome.Done<>(hall));
        assertThat(service.get("4711")).isEqualTo(new Outcome.NotFound<Extension>("4711"));
        assertThat(service.get("abc")).isInstanceOf(Outcome.Invalid.class);
    }

    @Test
    void aDirectoryWiredToTheListenersSeesTheNewRingTimeoutAtOnce() {
        done(service.add("1001", "Hall", Optional.empty()));
        ExtensionDirectory directory = ExtensionDirectory.load(repository);
        service.addListener(directory::refresh);

        done(service.update("1001", ExtensionChange.NONE.withRingTimeout(Duration.ofSeconds(15))));

        assertThat(directory.find("1001").orElseThrow().ringTimeoutOr(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
    }

    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }
}
