package org.switchboard.pbx.voicemail.mailbox;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;

/**
 * The voicemail box of an extension.
 *
 * @param number   the extension's number
 * @param pin      the PIN's hash; empty until one is set (see the package comment for how such a
 *                 mailbox is entered)
 * @param email    where new messages are mailed; empty for nowhere
 * @param emailMode what is mailed once an address is set
 * @param language the language of its prompts and mails; empty for the server's {@code voicemail.language}
 * @param greetings the owner's greeting choice
 */
public record Mailbox(String number, Optional<PinHash> pin, Optional<String> email, EmailMode emailMode,
                      Optional<MailboxLanguage> language, GreetingChoice greetings) {
    public Mailbox {
        Objects.requireNonNull(number, "number");
        if (!ExtensionNumber.isValid(number)) throw new IllegalArgumentException(ExtensionNumber.RULE);
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailMode, "emailMode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(greetings, "greetings");
    }

    /** The implicit mailbox of an extension that never changed it: no PIN, no e-mail, defaults. */
    public static Mailbox fresh(String number) {
        return new Mailbox(number, Optional.empty(), Optional.empty(), EmailMode.DEFAULT, Optional.empty(),
                GreetingChoice.STANDARD);
    }

    public boolean hasPin() {
        return pin.isPresent();
    }

    /** The address new messages go to, when there is one and mail is not off. */
    public Optional<String> mailTo() {
        return emailMode == EmailMode.OFF ? Optional.empty() : email;
    }

    /** The mailbox's language, else {@code serverDefault}. */
    public MailboxLanguage languageOr(MailboxLanguage serverDefault) {
        return language.orElse(Objects.requireNonNull(serverDefault, "serverDefault"));
    }

    public Mailbox withPin(Optional<PinHash> newPin) {
        return new Mailbox(number, newPin, email, emailMode, language, greetings);
    }

    public Mailbox withEmail(Optional<String> newEmail) {
        return new Mailbox(number, pin, newEmail, emailMode, language, greetings);
    }

    public Mailbox withEmailMode(EmailMode newMode) {
        return new Mailbox(number, pin, email, newMode, language, greetings);
    }

    public Mailbox withLanguage(Optional<MailboxLanguage> newLanguage) {
        return new Mailbox(number, pin, email, emailMode, newLanguage, greetings);
    }

    public Mailbox withGreetings(GreetingChoice newGreetings) {
        return new Mailbox(number, pin, email, emailMode, language, newGreetings);
    }
}
