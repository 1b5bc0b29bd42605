package org.switchboard.pbx.voicemail.greeting;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A custom greeting that plays on some days of the week between two times, local time: "closed
 * sat-sun", "lunch mon-fri 12:00-13:30", "night mon-fri 18:00-08:00". A range whose end is not
 * after its start runs past midnight into the next day (the days name the evening it starts).
 *
 * @param greeting    the custom greeting's name ({@link GreetingKind.Custom#RULE})
 * @param days        the days it starts on, never empty
 * @param startMinute minute of the day it starts, 0 to 1439
 * @param endMinute   minute of the day it ends (excluded), 1 to 1440 (1440 is midnight at the end of the day)
 */
public record ScheduledGreeting(String greeting, Set<DayOfWeek> days, int startMinute, int endMinute) {
    public static final int DAY = 24 * 60;

    public ScheduledGreeting {
        if (!GreetingKind.Custom.isValidName(greeting)) throw new IllegalArgumentException(GreetingKind.Custom.RULE);
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) throw new IllegalArgumentException("a schedule entry needs at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
        if (startMinute < 0 || startMinute >= DAY) throw new IllegalArgumentException("start must be 00:00 to 23:59");
        if (endMinute < 1 || endMinute > DAY) throw new IllegalArgumentException("end must be 00:01 to 24:00");
    }

    /** All day on the given days. */
    public static ScheduledGreeting allDay(String greeting, Set<DayOfWeek> days) {
        return new ScheduledGreeting(greeting, days, 0, DAY);
    }

    /** True when the range runs past midnight. */
    public boolean overnight() {
        return endMinute <= startMinute;
    }

    /** True when this entry is in force at local time {@code at}. */
    public boolean covers(LocalDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        DayOfWeek day = at.getDayOfWeek();
        if (!overnight()) return days.contains(day) && minute >= startMinute && minute < endMinute;
        return (days.contains(day) && minute >= startMinute) || (days.contains(day.minus(1)) && minute < endMinute);
    }

    /** The entry as {@link WeeklySchedule#parse} reads it. */
    public String text() {
        String range = startMinute == 0 && endMinute == DAY ? "" : " " + clock(startMinute) + "-" + clock(endMinute);
        return greeting + " " + WeeklySchedule.daysText(days) + range;
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
