package org.switchboard.pbx.voicemail.greeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator changes in a mailbox's {@link GreetingChoice}: an empty field keeps its
 * value, {@code Optional.of(Optional.empty())} clears it, so a JSON merge patch (RFC 7396 §2)
 * maps onto it field by field. A chosen name is checked by {@link #problem()}, not here, so bad
 * input comes back as an answer rather than an exception. Build from {@link #NONE}.
 */
public record GreetingChange(Optional<Optional<String>> activeCustom, Optional<Optional<Instant>> temporaryUntil,
                             Optional<WeeklySchedule> schedule) {
    public static final GreetingChange NONE = new GreetingChange(Optional.empty(), Optional.empty(), Optional.empty());
    /** Back to {@link GreetingChoice#STANDARD}: no custom greeting chosen, no end, no schedule. */
    public static final GreetingChange RESET = NONE.withActiveCustom(Optional.empty())
            .withTemporaryUntil(Optional.empty()).withSchedule(WeeklySchedule.NONE);

    public GreetingChange {
        Objects.requireNonNull(activeCustom, "activeCustom");
        Objects.requireNonNull(temporaryUntil, "temporaryUntil");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Chooses a custom greeting by name, or (empty) the standard ones. */
    public GreetingChange withActiveCustom(Optional<String> name) {
        return new GreetingChange(Optional.of(Objects.requireNonNull(name, "name")), temporaryUntil, schedule);
    }

    /** Sets when the temporary greeting stops playing, or (empty) lets it play until deleted. */
    public GreetingChange withTemporaryUntil(Optional<Instant> until) {
        return new GreetingChange(activeCustom, Optional.of(Objects.requireNonNull(until, "until")), schedule);
    }

    /** Replaces the weekly schedule ({@link WeeklySchedule#NONE} removes it). */
    public GreetingChange withSchedule(WeeklySchedule newSchedule) {
        return new GreetingChange(activeCustom, temporaryUntil, Optional.of(Objects.requireNonNull(newSchedule, "newSchedule")));
    }

    public boolean isEmpty() {
        return activeCustom.isEmpty() && temporaryUntil.isEmpty() && schedule.isEmpty();
    }

    /** Why this change cannot be applied (a chosen name breaking {@link GreetingKind.Custom#RULE}), or empty. */
    public Optional<String> problem() {
        return activeCustom.flatMap(a -> a.filter(name -> !GreetingKind.Custom.isValidName(name)))
                .map(name -> GreetingKind.Custom.RULE);
    }

    /** {@code choice} with the changed fields replaced. */
    public GreetingChoice applyTo(GreetingChoice choice) {
        GreetingChoice updated = Objects.requireNonNull(choice, "choice");
        if (activeCustom.isPresent()) updated = updated.withActiveCustom(activeCustom.get());
        if (temporaryUntil.isPresent()) updated = updated.withTemporaryUntil(temporaryUntil.get());
        if (schedule.isPresent()) updated = updated.withSchedule(schedule.get());
        return updated;
    }

    /** The changed fields for a log line, e.g. {@code activeCustom=holiday, schedule=closed sat-sun}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        activeCustom.ifPresent(a -> parts.add("activeCustom=" + a.orElse("(standard)")));
        temporaryUntil.ifPresent(t -> parts.add("temporaryUntil=" + t.map(Instant::toString).orElse("(none)")));
        schedule.ifPresent(s -> parts.add("schedule=" + (s.isEmpty() ? "(none)" : s.text())));
        return parts.isEmpty() ? "(nothing)" : String.join(", ", parts);
    }
}
