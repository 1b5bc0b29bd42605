package org.switchboard.pbx.voicemail.greeting;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When custom greetings play by themselves: a list of {@link ScheduledGreeting}s, the first one
 * in force wins. Written as text, one entry per line or separated by {@code ;}:
 * <pre>
 * closed sat-sun
 * lunch mon-fri 12:00-13:30
 * night mon-thu 18:00-08:00
 * </pre>
 * Days are {@code mon tue wed thu fri sat sun}, ranges ({@code mon-fri}, wrapping as
 * {@code fri-mon}), lists ({@code mon,wed}) or {@code daily}; without times the whole day.
 * Local time is the server's time zone. Public holidays are out of this model on purpose: they
 * belong to the calendars of a later step.
 */
public record WeeklySchedule(List<ScheduledGreeting> entries) {
    public static final WeeklySchedule NONE = new WeeklySchedule(List.of());
    public static final int MAX_ENTRIES = 32;
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern TIMES = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    public WeeklySchedule {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) throw new IllegalArgumentException("at most " + MAX_ENTRIES + " schedule entries");
    }

    /** The custom greeting in force at local time {@code at}, if any. */
    public Optional<String> greetingAt(LocalDateTime at) {
        Objects.requireNonNull(at, "at");
        for (ScheduledGreeting entry : entries) if (entry.covers(at)) return Optional.of(entry.greeting());
        return Optional.empty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The schedule as text, entries separated by {@code "; "}; empty text for no entries. */
    public String text() {
        return String.join("; ", entries.stream().map(ScheduledGreeting::text).toList());
    }

    /** The result of {@link #parse}: a schedule, or what is wrong with the text. */
    public sealed interface Parsed {
        record Ok(WeeklySchedule schedule) implements Parsed { }
        record Invalid(String problem) implements Parsed { }
    }

    /**
     * Reads a schedule written as in the class comment; blank text is no schedule. A problem names
     * the entry by its position and text, then what is wrong with it.
     */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) return new Parsed.Ok(NONE);
        List<ScheduledGreeting> entries = new ArrayList<>();
        for (String line : text.split("[;\n]")) {
            if (line.isBlank()) continue;
            if (entries.size() == MAX_ENTRIES) return new Parsed.Invalid("at most " + MAX_ENTRIES + " schedule entries");
            String entry = "entry " + (entries.size() + 1) + " (" + quoted(line.strip()) + "): ";
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || words.length > 3) {
                return new Parsed.Invalid(entry + "write NAME DAYS [HH:MM-HH:MM], e.g. closed sat-sun");
            }
            if (!GreetingKind.Custom.isValidName(words[0])) {
                return new Parsed.Invalid(entry + quoted(words[0]) + ": " + GreetingKind.Custom.RULE);
            }
            Optional<Set<DayOfWeek>> days = days(words[1]);
            if (days.isEmpty()) {
                return new Parsed.Invalid(entry + quoted(words[1]) + " is not a set of days: use mon..sun, ranges like"
                        + " mon-fri, lists like sat,sun, or daily");
            }
            int start = 0;
            int end = ScheduledGreeting.DAY;
            if (words.length == 3) {
                Matcher m = TIMES.matcher(words[2]);
                if (!m.matches()) return new Parsed.Invalid(entry + quoted(words[2]) + " is not a time range: write HH:MM-HH:MM");
                start = minute(m.group(1), m.group(2), false);
                end = minute(m.group(3), m.group(4), true);
                if (start < 0 || end < 0) {
                    return new Parsed.Invalid(entry + quoted(words[2]) + " is not a time range: hours 00 to 23 (24:00 as"
                            + " an end), minutes 00 to 59");
                }
            }
            entries.add(new ScheduledGreeting(words[0], days.get(), start, end));
        }
        return new Parsed.Ok(new WeeklySchedule(entries));
    }

    /** Input echoed in a problem: quoted, at most 40 characters, control characters as {@code ?}. */
    private static String quoted(String input) {
        String shown = input.length() > 40 ? input.substring(0, 40) + "..." : input;
        return "'" + shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
    }

    private static int minute(String hours, String minutes, boolean end) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59) return -1;
        if (h == 24 && m == 0 && end) return ScheduledGreeting.DAY;
        if (h > 23) return -1;
        int minute = h * 60 + m;
        return end && minute == 0 ? ScheduledGreeting.DAY : minute;
    }

    private static Optional<Set<DayOfWeek>> days(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("daily")) return Optional.of(EnumSet.allOf(DayOfWeek.class));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split(",", -1)) {
            String[] range = part.split("-", -1);
            if (range.length > 2) return Optional.empty();
            int from = DAY_NAMES.indexOf(range[0]);
            int to = range.length == 2 ? DAY_NAMES.indexOf(range[1]) : from;
            if (from < 0 || to < 0) return Optional.empty();
            for (int d = from; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == to) break;
            }
        }
        return Optional.of(days);
    }

    /** Days as the shortest text {@link #parse} reads back: {@code daily}, {@code mon-fri}, {@code sat,sun}. */
    static String daysText(Set<DayOfWeek> days) {
        if (days.size() == 7) return "daily";
        List<String> parts = new ArrayList<>();
        int d = 0;
        while (d < 7) {
            if (!days.contains(DayOfWeek.of(d + 1))) {
                d++;
                continue;
            }
            int end = d;
            while (end + 1 < 7 && days.contains(DayOfWeek.of(end + 2))) end++;
            if (end - d >= 2) parts.add(DAY_NAMES.get(d) + "-" + DAY_NAMES.get(end));
            else for (int i = d; i <= end; i++) parts.add(DAY_NAMES.get(i));
            d = end + 1;
        }
        return String.join(",", parts);
    }
}
