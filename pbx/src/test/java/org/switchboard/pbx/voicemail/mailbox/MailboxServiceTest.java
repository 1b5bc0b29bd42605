package org.switchboard.pbx.voicemail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.voicemail.greeting.GreetingChange;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;
import org.switchboard.pbx.voicemail.mailbox.MailboxService.Outcome;

class MailboxServiceTest {
    private final MemoryMailboxRepository repository = new MemoryMailboxRepository();
    private final MailboxService service = new MailboxService(repository, Set.of("1001", "1002")::contains,
            new SecureRandom(), 1000, MailboxLanguage.FR);

    @Test
    void fiveWrongPinsInARowLockTheMailboxForFifteenMinutesEvenAgainstTheRightPin() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        MailboxService guarded = new MailboxService(repository, Set.of("1001", "1002")::contains, new SecureRandom(),
                1000, MailboxLanguage.FR, number -> Optional.empty(), clock);
        done(guarded.changePin("1001", "2580"));
        done(guarded.changePin("1002", "3691"));
        for (int i = 0; i < 4; i++) assertThat(guarded.verifyPin("1001", "000" + i)).isFalse();
        assertThat(guarded.verifyPin("1001", "2580")).as("four wrong ones: the right PIN still opens").isTrue();
        for (int i = 0; i < 5; i++) assertThat(guarded.verifyPin("1001", "111" + i)).isFalse();
        assertThat(guarded.verifyPin("1001", "2580")).as("locked after five in a row").isFalse();
        assertThat(guarded.verifyPin("1002", "3691")).as("other mailboxes are not").isTrue();
        clock.now = clock.now.plusSeconds(14 * 60);
        assertThat(guarded.verifyPin("1001", "2580")).isFalse();
        clock.now = clock.now.plusSeconds(60);
        assertThat(guarded.verifyPin("1001", "2580")).as("15 minutes later").isTrue();
    }

    private static final class MutableClock implements java.time.InstantSource {
        Instant now;

        MutableClock(Instant now) { this.now = now; }

        @Override
        public Instant instant() { return now; }
    }

    @Test
    void everyExtensionHasAMailboxWithoutPinUntilOneIsSet() {
        Mailbox fresh = done(service.get("1001"));
        assertThat(fresh).isEqualTo(Mailbox.fresh("1001"));
        assertThat(fresh.hasPin()).isFalse();
        assertThat(fresh.emailMode()).isEqualTo(EmailMode.ATTACH);
        assertThat(fresh.mailTo()).isEmpty();
        assertThat(fresh.languageOr(service.defaultLanguage())).isEqualTo(MailboxLanguage.FR);
        assertThat(repository.find("1001")).as("implicit: nothing written").isEmpty();
    }

    @Test
    void settingsAreChangedTogetherAndThePinIsStoredOnlyHashed() {
        Mailbox saved = done(service.update("1001", MailboxChange.NONE.withPin("2580").withEmail("dr@praxis.ch")
                .withEmailMode(EmailMode.ATTACH_DELETE).withLanguage(Optional.of(MailboxLanguage.DE))));
        assertThat(saved.email()).contains("dr@praxis.ch");
        assertThat(saved.mailTo()).contains("dr@praxis.ch");
        assertThat(saved.emailMode()).isEqualTo(EmailMode.ATTACH_DELETE);
        assertThat(saved.language()).contains(MailboxLanguage.DE);
        assertThat(repository.find("1001")).contains(saved);
        assertThat(saved.pin().orElseThrow().encoded()).doesNotContain("2580");
        assertThat(saved.toString()).doesNotContain("2580");
        assertThat(service.verifyPin("1001", "2580")).isTrue();
        assertThat(service.verifyPin("1001", "2581")).isFalse();

        Mailbox changed = done(service.update("1001", MailboxChange.NONE.withEmailMode(EmailMode.OFF)));
        assertThat(changed.email()).as("other settings stay").contains("dr@praxis.ch");
        assertThat(changed.mailTo()).as("mail is off").isEmpty();
        assertThat(service.verifyPin("1001", "2580")).isTrue();

        Mailbox cleared = done(service.update("1001", MailboxChange.NONE.withoutEmail().withoutPin()
                .withLanguage(Optional.empty())));
        assertThat(cleared.email()).isEmpty();
        assertThat(cleared.hasPin()).isFalse();
        assertThat(cleared.languageOr(MailboxLanguage.EN)).isEqualTo(MailboxLanguage.EN);
        assertThat(service.verifyPin("1001", "2580")).isFalse();
    }

    @Test
    void badInputIsToldNotThrownAndChangesNothing() {
        assertThat(service.update("1001", MailboxChange.NONE.withPin("12"))).isEqualTo(new Outcome.Invalid<>(PinRule.RULE));
        assertThat(service.update("1001", MailboxChange.NONE.withPin("1111").withEmail("dr@praxis.ch")))
                .isInstanceOf(Outcome.Invalid.class);
        assertThat(service.update("1001", MailboxChange.NONE.withEmail("dr@praxis")))
                .isInstanceOfSatisfying(Outcome.Invalid.class, i -> assertThat(i.detail()).contains("name@example.com"));
        assertThat(service.update("1001", MailboxChange.NONE))
                .isInstanceOfSatisfying(Outcome.Invalid.class, i -> assertThat(i.detail()).startsWith("nothing to change"));
        assertThat(service.update("4711", MailboxChange.NONE.withPin("2580"))).isEqualTo(new Outcome.NotFound<>("4711"));
        assertThat(service.get("0x1")).isInstanceOfSatisfying(Outcome.Invalid.class,
                i -> assertThat(i.detail()).contains("not a valid extension number"));
        assertThat(repository.find("1001")).isEmpty();
    }

    @Test
    void withoutPinOnlyTheOwnPhoneGetsInAndMustChooseOne() {
        assertThat(service.access("1001", MailboxAccess.Route.OWN_PHONE)).isEqualTo(new MailboxAccess.ChoosePin());
        assertThat(service.access("1001", MailboxAccess.Route.REMOTE)).isInstanceOf(MailboxAccess.Refused.class);
        assertThat(service.verifyPin("1001", "")).isFalse();

        assertThat(service.changePin("1001", "2580")).isInstanceOf(Outcome.Done.class);
        assertThat(service.access("1001", MailboxAccess.Route.OWN_PHONE)).isEqualTo(new MailboxAccess.AskPin());
        assertThat(service.access("1001", MailboxAccess.Route.REMOTE)).isEqualTo(new MailboxAccess.AskPin());

        assertThat(service.access("4711", MailboxAccess.Route.REMOTE)).isInstanceOf(MailboxAccess.Refused.class);
        assertThat(service.access("x", MailboxAccess.Route.OWN_PHONE)).isInstanceOf(MailboxAccess.Refused.class);
    }

    @Test
    void greetingChoicesAreKeptWithTheMailbox() {
        WeeklySchedule closed = ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse("closed sat-sun")).schedule();
        service.schedule("1002", closed);
        service.chooseCustomGreeting("1002", Optional.of("holiday"));
        service.temporaryGreetingUntil("1002", Optional.of(Instant.parse("2026-08-01T06:00:00Z")));
        Mailbox m = done(service.get("1002"));
        assertThat(m.greetings().schedule()).isEqualTo(closed);
        assertThat(m.greetings().activeCustom()).contains("holiday");
        assertThat(m.greetings().temporaryUntil()).contains(Instant.parse("2026-08-01T06:00:00Z"));
        assertThat(service.chooseCustomGreeting("1002", Optional.of("Not Valid"))).isInstanceOf(Outcome.Invalid.class);
    }

    @Test
    void anAdministratorsGreetingChangeMergesIntoTheChoiceWithTheOtherSettingsOrChangesNothing() {
        WeeklySchedule closed = ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse("closed sat-sun")).schedule();
        service.schedule("1002", closed);
        service.temporaryGreetingUntil("1002", Optional.of(Instant.parse("2026-08-01T06:00:00Z")));

        Mailbox m = done(service.update("1002", MailboxChange.NONE.withEmail("dr@praxis.ch")
                .withGreetings(GreetingChange.NONE.withActiveCustom(Optional.of("holiday")).withTemporaryUntil(Optional.empty()))));
        assertThat(m.email()).contains("dr@praxis.ch");
        assertThat(m.greetings()).as("not recorded yet, still accepted; the schedule kept")
                .isEqualTo(new GreetingChoice(Optional.of("holiday"), Optional.empty(), closed));

        Outcome<Mailbox> bad = service.update("1002", MailboxChange.NONE.withEmail("new@praxis.ch")
                .withGreetings(GreetingChange.NONE.withActiveCustom(Optional.of("Not Valid"))));
        assertThat(bad).isEqualTo(new Outcome.Invalid<Mailbox>(GreetingKind.Custom.RULE));
        assertThat(done(service.get("1002")).email()).as("a bad field changes nothing").contains("dr@praxis.ch");

        assertThat(done(service.update("1002", MailboxChange.NONE.withGreetings(GreetingChange.RESET))).greetings())
                .isEqualTo(GreetingChoice.STANDARD);
        assertThat(MailboxChange.NONE.withGreetings(GreetingChange.NONE.withSchedule(closed)
                .withActiveCustom(Optional.empty()))).hasToString("activeCustom=(standard), schedule=closed sat,sun");
    }

    @Test
    void aChangeLogsWhatChangedButNeverThePin() {
        assertThat(MailboxChange.NONE.withPin("2580").withEmailMode(EmailMode.NOTIFY))
                .hasToString("pin=(new), emailMode=notify");
        assertThat(MailboxChange.NONE.withoutEmail().withLanguage(Optional.empty()))
                .hasToString("email=(removed), language=(default)");
    }

    @Test
    void modesAndLanguagesReadTheirWords() {
        assertThat(EmailMode.parse("attach-delete")).contains(EmailMode.ATTACH_DELETE);
        assertThat(EmailMode.parse(" Notify ")).contains(EmailMode.NOTIFY);
        assertThat(EmailMode.parse("fax")).isEmpty();
        assertThat(EmailMode.ATTACH_DELETE.word()).isEqualTo("attach-delete");
        assertThat(MailboxLanguage.parse("fr-CH")).contains(MailboxLanguage.FR);
        assertThat(MailboxLanguage.parse("it")).isEmpty();
    }

    private static Mailbox done(Outcome<Mailbox> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<Mailbox>) outcome).value();
    }
}
