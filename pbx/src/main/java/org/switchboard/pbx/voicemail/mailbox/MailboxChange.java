package org.switchboard.pbx.voicemail.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.voicemail.greeting.GreetingChange;

/**
 * What an administrator (or the owner) changes on a mailbox; an empty field keeps its value. The
 * inner optionals of {@code pin}, {@code email} and {@code language} tell "set this" from
 * "remove it" ({@code Optional.of(Optional.empty())}); {@code greetings} changes the greeting
 * choice field by field ({@link GreetingChange}), in the same write as the rest. The PIN is in
 * clear only here, on its way to being hashed; {@link #toString()} never shows it. Build from
 * {@link #NONE} with the {@code with...} methods.
 */
public record MailboxChange(Optional<Optional<String>> pin, Optional<Optional<String>> email,
                            Optional<EmailMode> emailMode, Optional<Optional<MailboxLanguage>> language,
                            GreetingChange greetings) {
    public static final MailboxChange NONE =
            new MailboxChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), GreetingChange.NONE);

    public MailboxChange {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailMode, "emailMode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(greetings, "greetings");
    }

    public MailboxChange withPin(String newPin) {
        return new MailboxChange(Optional.of(Optional.of(Objects.requireNonNull(newPin, "newPin"))), email, emailMode, language,
                greetings);
    }

    /** Removes the PIN: the mailbox is then entered only from its own phone, which asks for a new one. */
    public MailboxChange withoutPin() {
        return new MailboxChange(Optional.of(Optional.empty()), email, emailMode, language, greetings);
    }

    public MailboxChange withEmail(String address) {
        return new MailboxChange(pin, Optional.of(Optional.of(Objects.requireNonNull(address, "address"))), emailMode, language,
                greetings);
    }

    public MailboxChange withoutEmail() {
        return new MailboxChange(pin, Optional.of(Optional.empty()), emailMode, language, greetings);
    }

    public MailboxChange withEmailMode(EmailMode mode) {
        return new MailboxChange(pin, email, Optional.of(Objects.requireNonNull(mode, "mode")), language, greetings);
    }

    public MailboxChange withLanguage(Optional<MailboxLanguage> newLanguage) {
        return new MailboxChange(pin, email, emailMode, Optional.of(Objects.requireNonNull(newLanguage, "newLanguage")),
                greetings);
    }

    public MailboxChange withGreetings(GreetingChange change) {
        return new MailboxChange(pin, email, emailMode, language, Objects.requireNonNull(change, "change"));
    }

    public boolean isEmpty() {
        return pin.isEmpty() && email.isEmpty() && emailMode.isEmpty() && language.isEmpty() && greetings.isEmpty();
    }

    /** The changed fields for a log line, e.g. {@code pin=(new), emailMode=notify}; never the PIN. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        pin.ifPresent(p -> parts.add("pin=" + (p.isPresent() ? "(new)" : "(removed)")));
        email.ifPresent(e -> parts.add("email=" + e.orElse("(removed)")));
        emailMode.ifPresent(m -> parts.add("emailMode=" + m.word()));
        language.ifPresent(l -> parts.add("language=" + l.map(MailboxLanguage::tag).orElse("(default)")));
        if (!greetings.isEmpty()) parts.add(greetings.toString());
        return parts.isEmpty() ? "(nothing)" : String.join(", ", parts);
    }
}
