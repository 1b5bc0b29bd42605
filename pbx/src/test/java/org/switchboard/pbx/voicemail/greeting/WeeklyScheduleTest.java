package org.switchboard.pbx.voicemail.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {
    // 2026-03-02 is a Monday.
    private static LocalDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 3, day, hour, minute);
    }

    private static WeeklySchedule parse(String text) {
        WeeklySchedule.Parsed parsed = WeeklySchedule.parse(text);
        assertThat(parsed).isInstanceOf(WeeklySchedule.Parsed.Ok.class);
        return ((WeeklySchedule.Parsed.Ok) parsed).schedule();
    }

    @Test
    void theDoctorsWeekChoosesTheRightGreetingAtEachHour() {
        WeeklySchedule week = parse("closed sat-sun\nlunch mon-fri 12:00-13:30; night mon-thu 18:00-08:00");
        assertThat(week.greetingAt(at(7, 10, 0))).as("Saturday").contains("closed");
        assertThat(week.greetingAt(at(8, 23, 59))).as("Sunday night").contains("closed");
        assertThat(week.greetingAt(at(2, 9, 0))).as("Monday morning").isEmpty();
        assertThat(week.greetingAt(at(2, 12, 0))).contains("lunch");
        assertThat(week.greetingAt(at(2, 13, 29))).contains("lunch");
        assertThat(week.greetingAt(at(2, 13, 30))).as("the end is excluded").isEmpty();
        assertThat(week.greetingAt(at(2, 18, 0))).as("Monday evening").contains("night");
        assertThat(week.greetingAt(at(3, 7, 59))).as("Tuesday before 8, night began Monday").contains("night");
        assertThat(week.greetingAt(at(3, 8, 0))).isEmpty();
        assertThat(week.greetingAt(at(6, 19, 0))).as("Friday evening: no night entry starts Friday").isEmpty();
        assertThat(week.greetingAt(at(9, 7, 0))).as("Monday early: Sunday starts no night").isEmpty();
    }

    @Test
    void theFirstMatchingEntryWins() {
        WeeklySchedule overlap = parse("holiday daily; closed sat-sun");
        assertThat(overlap.greetingAt(at(7, 10, 0))).contains("holiday");
    }

    @Test
    void daysAndTimesPrintAsTheyParse() {
        WeeklySchedule week = parse("closed SAT,SUN;lunch mon-fri 12:00-13:30; night fri-mon 18:00-08:00;"
                + " all daily 00:00-24:00; odd mon,wed,fri 9:05-10:00");
        assertThat(week.text()).isEqualTo("closed sat,sun; lunch mon-fri 12:00-13:30; night mon,fri-sun 18:00-08:00;"
                + " all daily; odd mon,wed,fri 09:05-10:00");
        assertThat(parse(week.text())).isEqualTo(week);
        assertThat(parse("  ")).isEqualTo(WeeklySchedule.NONE);
    }

    @Test
    void mistakesSayWhatToWrite() {
        assertThat(WeeklySchedule.parse("closed")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).contains("NAME DAYS"));
        assertThat(WeeklySchedule.parse("closed weekend")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).contains("not a set of days"));
        assertThat(WeeklySchedule.parse("closed sat 25:00-26:00")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).contains("hours 00 to 23"));
        assertThat(WeeklySchedule.parse("closed sat noon")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).contains("HH:MM-HH:MM"));
        assertThat(WeeklySchedule.parse("Closed sat")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).contains(GreetingKind.Custom.RULE));
    }

    @Test
    void aMistakeNamesItsEntryAmongTheOthers() {
        assertThat(WeeklySchedule.parse("closed sat-sun; lunch mon-fri 12:00-1330")).isEqualTo(new WeeklySchedule.Parsed
                .Invalid("entry 2 ('lunch mon-fri 12:00-1330'): '12:00-1330' is not a time range: write HH:MM-HH:MM"));
        assertThat(WeeklySchedule.parse("closed sat-sin")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).startsWith("entry 1 ('closed sat-sin'): 'sat-sin' is not a set of days"));
        assertThat(WeeklySchedule.parse("x".repeat(500) + " sat")).isInstanceOfSatisfying(WeeklySchedule.Parsed.Invalid.class,
                i -> assertThat(i.problem()).as("long input is cut").doesNotContain("x".repeat(41)).contains("x..."));
    }
}
