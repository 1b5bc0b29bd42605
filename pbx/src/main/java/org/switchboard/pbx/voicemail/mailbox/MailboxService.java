package org.switchboard.pbx.voicemail.mailbox;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.greeting.WeeklySchedule;

/**
 * The rules of mailboxes, shared by the REST API, the CLI and (next) the phone menus: every
 * extension has a mailbox ({@link Mailbox#fresh} until first written), PINs follow
 * {@link PinRule} and are stored hashed, addresses follow {@link EmailAddress}. Bad input comes
 * back as an {@link Outcome}, never thrown; a PIN is never logged or echoed. Writes are
 * serialised, so two changes of one mailbox never lose each other. Methods block on the
 * repository (and a PIN check costs PBKDF2's work): call them from virtual threads.
 */
public final class MailboxService {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxService.class);

    private final MailboxRepository repository;
    private final Predicate<String> extensionExists;
    private final RandomGenerator random;
    private final int pinIterations;
    private final MailboxLanguage defaultLanguage;
    private final Function<String, Optional<MailboxLanguage>> extensionLanguage;
    private final PinLockout lockout;
    private final ReentrantLock writes = new ReentrantLock();

    /**
     * @param extensionExists whether an extension has this number (mailboxes of unknown numbers are refused)
     * @param random          salt source: a {@code SecureRandom} in production
     * @param pinIterations   PBKDF2 iterations for new PINs ({@link PinHash#DEFAULT_ITERATIONS})
     * @param defaultLanguage the server's {@code voicemail.language}
     */
    public MailboxService(MailboxRepository repository, Predicate<String> extensionExists, RandomGenerator random,
                          int pinIterations, MailboxLanguage defaultLanguage) {
        this(repository, extensionExists, random, pinIterations, defaultLanguage, number -> Optional.empty(),
                InstantSource.system());
    }

    /**
     * As the other constructor, with the extensions' own prompt language ({@code extension set N
     * --language}), which a mailbox without a language of its own speaks, and the clock of the
     * PIN lockout.
     */
    public MailboxService(MailboxRepository repository, Predicate<String> extensionExists, RandomGenerator random,
                          int pinIterations, MailboxLanguage defaultLanguage,
                          Function<String, Optional<MailboxLanguage>> extensionLanguage, InstantSource clock) {
        this.lockout = new PinLockout(Objects.requireNonNull(clock, "clock"));
        this.extensionLanguage = Objects.requireNonNull(extensionLanguage, "extensionLanguage");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.extensionExists = Objects.requireNonNull(extensionExists, "extensionExists");
        this.random = Objects.requireNonNull(random, "random");
        if (pinIterations < 1) throw new IllegalArgumentException("pinIterations must be positive");
        this.pinIterations = pinIterations;
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    /** The result of an operation: done, or why not, in words an administrator can act on. */
    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> { }
        /** The input breaks a rule; {@code detail} states it (never the PIN). */
        record Invalid<T>(String detail) implements Outcome<T> { }
        /** There is no extension with this number, so no mailbox. */
        record NotFound<T>(String number) implements Outcome<T> { }
    }

    public MailboxLanguage defaultLanguage() {
        return defaultLanguage;
    }

    /**
     * The language a mailbox speaks to callers and its owner: its own, else its extension's, else
     * the server's {@code voicemail.language}.
     */
    public MailboxLanguage languageOf(Mailbox mailbox) {
        return mailbox.language().or(() -> extensionLanguage.apply(mailbox.number())).orElse(defaultLanguage);
    }

    /** The mailbox of an extension: stored, or the implicit one; NotFound for an unknown extension. */
    public Outcome<Mailbox> get(String number) {
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        if (!extensionExists.test(number)) return new Outcome.NotFound<>(number);
        return new Outcome.Done<>(mailbox(number));
    }

    /** The stored mailbox or the implicit one, without asking whether the extension exists (for deliveries). */
    public Mailbox mailbox(String number) {
        return repository.find(number).orElseGet(() -> Mailbox.fresh(number));
    }

    /**
     * Applies an administrator's change in one write, after checking all of it (a bad field changes
     * nothing); the first change creates the mailbox's row. A chosen custom greeting need not be
     * recorded yet: until it is, callers hear the others ({@code GreetingSelector}).
     */
    public Outcome<Mailbox> update(String number, MailboxChange change) {
        Objects.requireNonNull(change, "change");
        if (change.isEmpty()) {
            return new Outcome.Invalid<>("nothing to change: give a PIN, an e-mail address, an e-mail mode, a language"
                    + " or a greeting choice");
        }
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        if (!extensionExists.test(number)) return new Outcome.NotFound<>(number);
        Optional<String> problem = change.pin().flatMap(p -> p.flatMap(pin -> PinRule.problem(pin, number)))
                .or(() -> change.email().flatMap(e -> e.flatMap(EmailAddress::problem)))
                .or(() -> change.greetings().problem());
        if (problem.isPresent()) return new Outcome.Invalid<>(problem.get());
        Optional<PinHash> hash = change.pin().flatMap(p -> p.map(pin -> PinHash.of(pin, random, pinIterations)));
        Outcome<Mailbox> outcome = modify(number, m -> {
            Mailbox updated = m;
            if (change.pin().isPresent()) updated = updated.withPin(hash);
            if (change.email().isPresent()) updated = updated.withEmail(change.email().get());
            if (change.emailMode().isPresent()) updated = updated.withEmailMode(change.emailMode().get());
            if (change.language().isPresent()) updated = updated.withLanguage(change.language().get());
            if (!change.greetings().isEmpty()) updated = updated.withGreetings(change.greetings().applyTo(updated.greetings()));
            return updated;
        });
        if (outcome instanceof Outcome.Done<Mailbox>) LOG.info("Mailbox {} changed: {}", number, change);
        return outcome;
    }

    /** The owner sets a new PIN from the phone (after logging in, or when asked to choose one). */
    public Outcome<Mailbox> changePin(String number, String pin) {
        return update(number, MailboxChange.NONE.withPin(pin));
    }

    /**
     * How a caller may enter {@code number}. {@link MailboxAccess.Route#OWN_PHONE} is only for a
     * call whose SIP-authenticated extension is {@code number} itself.
     */
    public MailboxAccess access(String number, MailboxAccess.Route route) {
        Objects.requireNonNull(route, "route");
        if (!ExtensionNumber.isValid(number) || !extensionExists.test(number)) {
            return new MailboxAccess.Refused("no mailbox " + (ExtensionNumber.isValid(number) ? number : "(invalid number)"));
        }
        if (mailbox(number).hasPin()) return new MailboxAccess.AskPin();
        return switch (route) {
            case OWN_PHONE -> new MailboxAccess.ChoosePin();
            case REMOTE -> new MailboxAccess.Refused("mailbox " + number + " has no PIN yet: it can be entered only"
                    + " from its own phone until one is set");
        };
    }

    /**
     * True when {@code pin} is the mailbox's PIN; false for a mailbox without one. Constant time in
     * the PIN. After {@value PinLockout#MAX_FAILURES} wrong PINs in a row the mailbox refuses every
     * PIN for 15 minutes ({@link PinLockout}), with one WARN line.
     */
    public boolean verifyPin(String number, String pin) {
        if (!ExtensionNumber.isValid(number)) return false;
        if (lockout.locked(number)) return false;
        boolean right = mailbox(number).pin().map(h -> h.matches(pin)).orElse(false);
        if (right) {
            lockout.succeeded(number);
        } else if (lockout.failed(number)) {
            LOG.warn("Mailbox {}: {} wrong PINs in a row, every PIN refused for {} min", number,
                    PinLockout.MAX_FAILURES, PinLockout.LOCK_TIME.toMinutes());
        }
        return right;
    }

    /** Switches a recorded custom greeting on (empty: back to the standard ones). */
    public Outcome<Mailbox> chooseCustomGreeting(String number, Optional<String> name) {
        Objects.requireNonNull(name, "name");
        if (name.isPresent() && !GreetingKind.Custom.isValidName(name.get())) {
            return new Outcome.Invalid<>(GreetingKind.Custom.RULE);
        }
        return modify(number, m -> m.withGreetings(m.greetings().withActiveCustom(name)));
    }

    /** When the temporary greeting stops playing (empty: until it is deleted). */
    public Outcome<Mailbox> temporaryGreetingUntil(String number, Optional<Instant> until) {
        Objects.requireNonNull(until, "until");
        return modify(number, m -> m.withGreetings(m.greetings().withTemporaryUntil(until)));
    }

    /** Replaces the weekly schedule of custom greetings. */
    public Outcome<Mailbox> schedule(String number, WeeklySchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        return modify(number, m -> m.withGreetings(m.greetings().withSchedule(schedule)));
    }

    /** Replaces the whole greeting choice. */
    public Outcome<Mailbox> greetings(String number, GreetingChoice choice) {
        Objects.requireNonNull(choice, "choice");
        return modify(number, m -> m.withGreetings(choice));
    }

    private Outcome<Mailbox> modify(String number, Function<Mailbox, Mailbox> change) {
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        if (!extensionExists.test(number)) return new Outcome.NotFound<>(number);
        writes.lock();
        try {
            Mailbox updated = change.apply(mailbox(number));
            repository.save(updated);
            return new Outcome.Done<>(updated);
        } finally {
            writes.unlock();
        }
    }

    private static String invalidNumber(String number) {
        String shown = number == null ? "" : number.length() > 20 ? number.substring(0, 20) + "..." : number;
        shown = shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + shown + "' is not a valid extension number: " + ExtensionNumber.RULE;
    }
}
