package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }
}
