package org.switchboard.pbx.voicemail.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.voicemail.greeting.GreetingSelection.Part;

class GreetingSelectorTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** Monday 2 March 2026, 10:00 in Zurich. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    /** Saturday 7 March 2026, 10:00 in Zurich. */
    private static final Instant SATURDAY = Instant.parse("2026-03-07T09:00:00Z");

    private final GreetingSelector selector = new GreetingSelector(ZURICH);
    private final List<Greeting> recorded = new ArrayList<>();

    private void record(GreetingKind... kinds) {
        for (GreetingKind k : kinds) recorded.add(new Greeting("1002", k, MONDAY.minusSeconds(86_400), Duration.ofSeconds(5)));
    }

    private Optional<GreetingKind> chosen(GreetingChoice choice, DivertReason reason, Instant now) {
        return selector.select("1002", choice, recorded, reason, now).chosen();
    }

    @Test
    void withNothingRecordedTheSystemSaysWhoIsUnavailableOrBusy() {
        GreetingSelection unavailable = selector.select("1002", GreetingChoice.STANDARD, recorded, DivertReason.NO_ANSWER, MONDAY);
        assertThat(unavailable.chosen()).isEmpty();
        assertThat(unavailable.parts()).containsExactly(new Part.Prompt("vm-person-at-extension"),
                new Part.Prompt("digit-1"), new Part.Prompt("digit-0"), new Part.Prompt("digit-0"), new Part.Prompt("digit-2"),
                new Part.Prompt("vm-is-unavailable"), new Part.Prompt("vm-leave-message"));
        assertThat(selector.select("1002", GreetingChoice.STANDARD, recorded, DivertReason.BUSY, MONDAY).parts())
                .contains(new Part.Prompt("vm-is-busy")).doesNotContain(new Part.Prompt("vm-is-unavailable"));
    }

    @Test
    void aRecordedNameReplacesTheDigits() {
        record(GreetingKind.NAME);
        List<Part> parts = selector.select("1002", GreetingChoice.STANDARD, recorded, DivertReason.NOT_REGISTERED, MONDAY).parts();
        assertThat(parts).containsExactly(new Part.Recording(recorded.getFirst()), new Part.Prompt("vm-is-unavailable"),
                new Part.Prompt("vm-leave-message"));
    }

    @Test
    void busyAndUnavailableGreetingsFollowTheReason() {
        record(GreetingKind.UNAVAILABLE);
        assertThat(chosen(GreetingChoice.STANDARD, DivertReason.BUSY, MONDAY)).as("no busy greeting yet")
                .contains(GreetingKind.UNAVAILABLE);
        record(GreetingKind.BUSY);
        assertThat(chosen(GreetingChoice.STANDARD, DivertReason.BUSY, MONDAY)).contains(GreetingKind.BUSY);
        assertThat(chosen(GreetingChoice.STANDARD, DivertReason.NO_ANSWER, MONDAY)).contains(GreetingKind.UNAVAILABLE);
        assertThat(chosen(GreetingChoice.STANDARD, DivertReason.NOT_REGISTERED, MONDAY)).contains(GreetingKind.UNAVAILABLE);
    }

    @Test
    void theTemporaryGreetingOverridesEverythingUntilItExpires() {
        record(GreetingKind.UNAVAILABLE, GreetingKind.BUSY, GreetingKind.TEMPORARY, new GreetingKind.Custom("holiday"));
        GreetingChoice choice = GreetingChoice.STANDARD.withActiveCustom(Optional.of("holiday"))
                .withTemporaryUntil(Optional.of(MONDAY.plusSeconds(3600)));
        assertThat(chosen(choice, DivertReason.BUSY, MONDAY)).contains(GreetingKind.TEMPORARY);
        assertThat(chosen(choice, DivertReason.BUSY, MONDAY.plusSeconds(3599))).contains(GreetingKind.TEMPORARY);
        assertThat(chosen(choice, DivertReason.BUSY, MONDAY.plusSeconds(3600))).as("expired")
                .contains(new GreetingKind.Custom("holiday"));
        assertThat(chosen(choice.withTemporaryUntil(Optional.empty()), DivertReason.NO_ANSWER, SATURDAY.plusSeconds(86_400L * 90)))
                .as("no end: until deleted").contains(GreetingKind.TEMPORARY);
    }

    @Test
    void aChosenCustomGreetingBeatsTheScheduleWhichBeatsTheStandardOnes() {
        record(GreetingKind.UNAVAILABLE, new GreetingKind.Custom("closed"), new GreetingKind.Custom("holiday"));
        WeeklySchedule weekend = ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse("closed sat-sun")).schedule();
        GreetingChoice scheduled = GreetingChoice.STANDARD.withSchedule(weekend);
        assertThat(chosen(scheduled, DivertReason.NO_ANSWER, MONDAY)).contains(GreetingKind.UNAVAILABLE);
        assertThat(chosen(scheduled, DivertReason.NO_ANSWER, SATURDAY)).contains(new GreetingKind.Custom("closed"));
        assertThat(chosen(scheduled.withActiveCustom(Optional.of("holiday")), DivertReason.NO_ANSWER, SATURDAY))
                .contains(new GreetingKind.Custom("holiday"));
    }

    @Test
    void aChosenGreetingThatWasNeverRecordedIsSkipped() {
        record(GreetingKind.UNAVAILABLE);
        WeeklySchedule weekend = ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse("closed sat-sun")).schedule();
        GreetingChoice choice = GreetingChoice.STANDARD.withActiveCustom(Optional.of("holiday")).withSchedule(weekend)
                .withTemporaryUntil(Optional.of(SATURDAY));
        assertThat(chosen(choice, DivertReason.NO_ANSWER, SATURDAY)).contains(GreetingKind.UNAVAILABLE);
    }

    @Test
    void theScheduleReadsTheServersLocalTime() {
        record(new GreetingKind.Custom("closed"));
        WeeklySchedule weekend = ((WeeklySchedule.Parsed.Ok) WeeklySchedule.parse("closed sat-sun")).schedule();
        Instant fridayLateUtc = Instant.parse("2026-03-06T23:30:00Z");
        assertThat(chosen(GreetingChoice.STANDARD.withSchedule(weekend), DivertReason.NO_ANSWER, fridayLateUtc))
                .as("already Saturday 00:30 in Zurich").contains(new GreetingKind.Custom("closed"));
    }

    @Test
    void kindsNameTheirFiles() {
        assertThat(GreetingKind.UNAVAILABLE.stem()).isEqualTo("unavailable");
        assertThat(new GreetingKind.Custom("closed-today").stem()).isEqualTo("custom-closed-today");
        assertThat(GreetingKind.parse("custom-closed-today")).contains(new GreetingKind.Custom("closed-today"));
        assertThat(GreetingKind.parse("busy")).contains(GreetingKind.BUSY);
        assertThat(GreetingKind.parse("custom-")).isEmpty();
        assertThat(GreetingKind.parse("whatever")).isEmpty();
    }
}
