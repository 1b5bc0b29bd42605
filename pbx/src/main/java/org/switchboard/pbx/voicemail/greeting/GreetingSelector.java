package org.switchboard.pbx.voicemail.greeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which greeting a caller hears, from the owner's {@link GreetingChoice}, what is
 * recorded, why the call came ({@link DivertReason}) and the time. The first rule that has a
 * recording wins:
 * <ol>
 *   <li>the temporary greeting, unless its end time has passed;</li>
 *   <li>the custom greeting the owner switched on (a deliberate choice beats the timetable);</li>
 *   <li>the custom greeting the weekly schedule names for now (server's local time);</li>
 *   <li>the busy greeting, when the owner is busy;</li>
 *   <li>the unavailable greeting (also when busy and no busy greeting exists);</li>
 *   <li>the system's sentence: the recorded name, or "the person at extension" and the digits,
 *       then "is busy" or "is unavailable", then "please leave a message after the tone".</li>
 * </ol>
 * A chosen custom greeting that was never recorded is skipped, so a caller never hears silence.
 * Pure: no clock, no files; thread-safe.
 */
public final class GreetingSelector {
    static final String PERSON_AT_EXTENSION = "vm-person-at-extension";
    static final String IS_BUSY = "vm-is-busy";
    static final String IS_UNAVAILABLE = "vm-is-unavailable";
    static final String LEAVE_MESSAGE = "vm-leave-message";

    private final ZoneId zone;

    /** @param zone the time zone the schedule's times are read in */
    public GreetingSelector(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public GreetingSelection select(String mailbox, GreetingChoice choice, Collection<Greeting> recorded,
                                    DivertReason reason, Instant now) {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(now, "now");
        Optional<Greeting> temporary = find(recorded, GreetingKind.TEMPORARY);
        if (temporary.isPresent() && choice.temporaryUntil().map(now::isBefore).orElse(true)) return play(temporary.get());
        Optional<Greeting> active = choice.activeCustom().flatMap(name -> find(recorded, new GreetingKind.Custom(name)));
        if (active.isPresent()) return play(active.get());
        Optional<Greeting> scheduled = choice.schedule().greetingAt(LocalDateTime.ofInstant(now, zone))
                .flatMap(name -> find(recorded, new GreetingKind.Custom(name)));
        if (scheduled.isPresent()) return play(scheduled.get());
        if (reason == DivertReason.BUSY) {
            Optional<Greeting> busy = find(recorded, GreetingKind.BUSY);
            if (busy.isPresent()) return play(busy.get());
        }
        Optional<Greeting> unavailable = find(recorded, GreetingKind.UNAVAILABLE);
        if (unavailable.isPresent()) return play(unavailable.get());
        return systemDefault(mailbox, find(recorded, GreetingKind.NAME), reason);
    }

    private static GreetingSelection play(Greeting greeting) {
        return new GreetingSelection(Optional.of(greeting.kind()), List.of(new GreetingSelection.Part.Recording(greeting)));
    }

    private static GreetingSelection systemDefault(String mailbox, Optional<Greeting> name, DivertReason reason) {
        List<GreetingSelection.Part> parts = new ArrayList<>();
        if (name.isPresent()) {
            parts.add(new GreetingSelection.Part.Recording(name.get()));
        } else {
            parts.add(new GreetingSelection.Part.Prompt(PERSON_AT_EXTENSION));
            for (char c : mailbox.toCharArray()) {
                if (c >= '0' && c <= '9') parts.add(new GreetingSelection.Part.Prompt("digit-" + c));
            }
        }
        parts.add(new GreetingSelection.Part.Prompt(reason == DivertReason.BUSY ? IS_BUSY : IS_UNAVAILABLE));
        parts.add(new GreetingSelection.Part.Prompt(LEAVE_MESSAGE));
        return new GreetingSelection(Optional.empty(), parts);
    }

    private static Optional<Greeting> find(Collection<Greeting> recorded, GreetingKind kind) {
        for (Greeting g : recorded) if (g.kind().equals(kind)) return Optional.of(g);
        return Optional.empty();
    }
}
