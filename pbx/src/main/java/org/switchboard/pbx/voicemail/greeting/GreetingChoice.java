package org.switchboard.pbx.voicemail.greeting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner's choice of greeting, kept with the mailbox: the custom greeting they switched on
 * (from the phone: "practice closed today"), when the temporary greeting stops playing (empty:
 * until it is deleted), and the weekly schedule of custom greetings.
 */
public record GreetingChoice(Optional<String> activeCustom, Optional<Instant> temporaryUntil, WeeklySchedule schedule) {
    /** The standard greetings only, no schedule. */
    public static final GreetingChoice STANDARD = new GreetingChoice(Optional.empty(), Optional.empty(), WeeklySchedule.NONE);

    public GreetingChoice {
        Objects.requireNonNull(activeCustom, "activeCustom");
        activeCustom.ifPresent(name -> {
            if (!GreetingKind.Custom.isValidName(name)) throw new IllegalArgumentException(GreetingKind.Custom.RULE);
        });
        Objects.requireNonNull(temporaryUntil, "temporaryUntil");
        Objects.requireNonNull(schedule, "schedule");
    }

    public GreetingChoice withActiveCustom(Optional<String> name) {
        return new GreetingChoice(name, temporaryUntil, schedule);
    }

    public GreetingChoice withTemporaryUntil(Optional<Instant> until) {
        return new GreetingChoice(activeCustom, until, schedule);
    }

    public GreetingChoice withSchedule(WeeklySchedule newSchedule) {
        return new GreetingChoice(activeCustom, temporaryUntil, newSchedule);
    }
}
