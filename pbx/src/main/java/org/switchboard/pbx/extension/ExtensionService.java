package org.switchboard.pbx.extension;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's operations on extensions, shared by the REST API and the CLI: it checks
 * the input ({@link ExtensionNumber#RULE}, {@link SipSecret#of}, {@link RingTimeout#RULE},
 * {@link ExtensionLanguage#RULE}, {@link MohClass#RULE}),
 * generates strong passwords, persists through {@link ExtensionRepository} and tells listeners
 * which number changed so the registrar can drop cached credentials and bindings and the call
 * routing can re-read the extension (new calls see a changed ring timeout at once).
 *
 * <p>Bad input is returned as an {@link Outcome}, never thrown. The service never logs a
 * secret; a generated one leaves it exactly once, in the outcome of the call that made it.
 * Methods block on the repository: call them from virtual threads.
 */
public final class ExtensionService {

    /** Length of a generated SIP password: 20 symbols of 57 give about 116 bits. */
    public static final int GENERATED_LENGTH = 20;
    /** Letters and digits without look-alikes (0/O, 1/l/I), so a password can be read aloud or typed on a desk phone. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Longest display name; it ends up in From headers and phone screens. */
    public static final int MAX_NAME_LENGTH = 64;
    public static final String NAME_RULE =
            "a name is 1 to " + MAX_NAME_LENGTH + " characters without control characters";
    public static final String NOTHING_TO_CHANGE = "nothing to change: give a new name, ring timeout, srtp policy,"
            + " language, music on hold class or recording policy";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionService.class);

    private final ExtensionRepository repository;
    private final RandomGenerator random;
    private final Clock clock;
    private final Duration defaultRingTimeout;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param defaultRingTimeout the server's {@code calls.ring-timeout}, for extensions without
     *     their own; only reported (the B2BUA applies it), so any positive value is accepted
     */
    public ExtensionService(ExtensionRepository repository, RandomGenerator random, Clock clock,
                            Duration defaultRingTimeout) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRingTimeout = Objects.requireNonNull(defaultRingTimeout, "defaultRingTimeout");
        if (defaultRingTimeout.isNegative() || defaultRingTimeout.isZero()) {
            throw new IllegalArgumentException("defaultRingTimeout must be positive");
        }
    }

    /** A service whose server default ring timeout is {@link RingTimeout#SERVER_DEFAULT}. */
    public ExtensionService(ExtensionRepository repository, RandomGenerator random, Clock clock) {
        this(repository, random, clock, RingTimeout.SERVER_DEFAULT);
    }

    /** A service with a {@link SecureRandom} and the system clock. */
    public ExtensionService(ExtensionRepository repository) {
        this(repository, new SecureRandom(), Clock.systemUTC());
    }

    /** The result of an operation: done, or why not, in words an administrator can act on. */
    public sealed interface Outcome<T> {
        /** Done; {@code value} is what the operation produced. */
        record Done<T>(T value) implements Outcome<T> { }
        /** The input breaks a rule; {@code detail} states the rule. */
        record Invalid<T>(String detail) implements Outcome<T> { }
        /** The extension number is already taken. */
        record Duplicate<T>(String number) implements Outcome<T> { }
        /** There is no extension with this number. */
        record NotFound<T>(String number) implements Outcome<T> { }
    }

    /**
     * A stored extension plus the password generated for it, if this call generated one. The
     * password is shown to the administrator once and never again.
     */
    public record Saved(Extension extension, Optional<SipSecret> generatedPassword) { }

    /** Registers a listener called with the number after every add, remove, password or settings change. */
    public void addListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Adds an extension that rings for the server's default time; see {@link #add(String, String, Optional, Optional)}. */
    public Outcome<Saved> add(String number, String name, Optional<String> password) {
        return add(number, name, password, Optional.empty());
    }

    /**
     * Adds an extension; without a password a strong one is generated and returned once; without
     * a ring timeout it rings for the server's default time.
     */
    public Outcome<Saved> add(String number, String name, Optional<String> password, Optional<Duration> ringTimeout) {
        return add(number, name, password, ringTimeout.map(ExtensionChange.NONE::withRingTimeout).orElse(ExtensionChange.NONE));
    }

    /**
     * Adds an extension with the settings of {@code settings} over the defaults (ring timeout,
     * SRTP, language, music class, recording); without a password a strong one is generated and
     * returned once.
     *
     * @param settings what differs from the defaults; its name must be empty (the name is {@code name})
     * @throws IllegalArgumentException when {@code settings} carries a name
     */
    public Outcome<Saved> add(String number, String name, Optional<String> password, ExtensionChange settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.name().isPresent()) throw new IllegalArgumentException("the name of a new extension is its own argument");
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        Optional<String> problem = nameProblem(name).or(() -> settingsProblem(settings));
        if (problem.isPresent()) return new Outcome.Invalid<>(problem.get());
        Secret secret = secret(password);
        if (secret.problem != null) return new Outcome.Invalid<>(secret.problem);
        Extension extension = apply(new Extension(number, name.strip(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)), settings);
        if (!repository.add(extension, secret.value)) return new Outcome.Duplicate<>(number);
        LOG.info("Extension {} added", number);
        notifyListeners(number);
        return new Outcome.Done<>(new Saved(extension, secret.generated ? Optional.of(secret.value) : Optional.empty()));
    }

    /** All extensions, ordered by number. */
    public List<Extension> list() {
        return repository.list();
    }

    public Optional<Extension> find(String number) {
        return ExtensionNumber.isValid(number) ? repository.find(number) : Optional.empty();
    }

    /** One extension, or why there is none (an invalid number is told apart from an unknown one). */
    public Outcome<Extension> get(String number) {
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        return repository.find(number).<Outcome<Extension>>map(Outcome.Done::new)
                .orElseGet(() -> new Outcome.NotFound<>(number));
    }

    /** The server's ring timeout, for extensions without their own. */
    public Duration defaultRingTimeout() {
        return defaultRingTimeout;
    }

    /** How long the phones of {@code extension} ring: its own timeout, else the server's default. */
    public Duration ringTimeoutOf(Extension extension) {
        return extension.ringTimeoutOr(defaultRingTimeout);
    }

    /**
     * Changes the settings of an extension (name, ring timeout, SRTP policy, language, music
     * class, recording policy) and returns it as stored; its secret and bindings stay. Listeners
     * hear of it, so calls that start afterwards (and holds that start afterwards) see it.
     */
    public Outcome<Extension> update(String number, ExtensionChange change) {
        Objects.requireNonNull(change, "change");
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        if (change.isEmpty()) return new Outcome.Invalid<>(NOTHING_TO_CHANGE);
        Optional<String> problem = change.name().flatMap(ExtensionService::nameProblem).or(() -> settingsProblem(change));
        if (problem.isPresent()) return new Outcome.Invalid<>(problem.get());
        Optional<Extension> current = repository.find(number);
        if (current.isEmpty()) return new Outcome.NotFound<>(number);
        Extension updated = apply(current.get(), change);
        if (!repository.updateSettings(updated)) return new Outcome.NotFound<>(number);
        LOG.info("Extension {} settings changed", number);
        notifyListeners(number);
        return new Outcome.Done<>(updated);
    }

    /** Removes an extension and its secret. */
    public Outcome<String> remove(String number) {
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        if (!repository.remove(number)) return new Outcome.NotFound<>(number);
        LOG.info("Extension {} removed", number);
        notifyListeners(number);
        return new Outcome.Done<>(number);
    }

    /** Replaces the SIP password; without one a strong one is generated and returned once. */
    public Outcome<Saved> changePassword(String number, Optional<String> password) {
        if (!ExtensionNumber.isValid(number)) return new Outcome.Invalid<>(invalidNumber(number));
        Secret secret = secret(password);
        if (secret.problem != null) return new Outcome.Invalid<>(secret.problem);
        Optional<Extension> extension = repository.find(number);
        if (extension.isEmpty() || !repository.changeSecret(number, secret.value)) return new Outcome.NotFound<>(number);
        LOG.info("Extension {} password changed", number);
        notifyListeners(number);
        return new Outcome.Done<>(new Saved(extension.get(), secret.generated ? Optional.of(secret.value) : Optional.empty()));
    }

    /** A fresh password of {@link #GENERATED_LENGTH} symbols from an unambiguous alphabet. */
    public SipSecret generatePassword() {
        StringBuilder text = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return SipSecret.of(text.toString());
    }

    private record Secret(SipSecret value, boolean generated, String problem) { }

    private Secret secret(Optional<String> password) {
        if (password.isEmpty()) return new Secret(generatePassword(), true, null);
        try {
            return new Secret(SipSecret.of(password.get()), false, null);
        } catch (IllegalArgumentException e) {
            return new Secret(null, false, e.getMessage());
        }
    }

    private static String invalidNumber(String number) {
        return "'" + (number == null ? "" : printable(number)) + "' is not a valid extension number: " + ExtensionNumber.RULE;
    }

    /** The first rule the settings of {@code change} (all but the name) break, with the value given. */
    private static Optional<String> settingsProblem(ExtensionChange change) {
        Optional<String> ring = change.ringTimeout().flatMap(r -> r.flatMap(RingTimeout::problem));
        if (ring.isPresent()) return ring;
        Optional<String> language = change.language().flatMap(l -> l)
                .filter(tag -> ExtensionLanguage.parse(tag).isEmpty()).map(tag -> ExtensionLanguage.RULE + ", got '"
                        + printable(tag) + "'");
        if (language.isPresent()) return language;
        return change.mohClass().flatMap(m -> m).filter(c -> !MohClass.isValid(c.strip()))
                .map(c -> MohClass.RULE + ", got '" + printable(c) + "'");
    }

    /** {@code extension} with the changes of {@code change}, which {@link #settingsProblem} found valid. */
    private static Extension apply(Extension extension, ExtensionChange change) {
        Extension e = extension;
        if (change.name().isPresent()) e = e.withName(change.name().get().strip());
        if (change.ringTimeout().isPresent()) e = e.withRingTimeout(change.ringTimeout().get());
        if (change.srtp().isPresent()) e = e.withSrtp(change.srtp().get());
        if (change.language().isPresent()) e = e.withLanguage(change.language().get().flatMap(ExtensionLanguage::parse));
        if (change.mohClass().isPresent()) e = e.withMohClass(change.mohClass().get().map(String::strip));
        if (change.recording().isPresent()) e = e.withRecording(change.recording().get());
        return e;
    }

    private static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) return Optional.of(NAME_RULE);
        if (name.chars().anyMatch(Character::isISOControl)) return Optional.of(NAME_RULE);
        return Optional.empty();
    }

    /** Echoes user input safely: at most 20 characters, control characters replaced. */
    private static String printable(String text) {
        String cut = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private void notifyListeners(String number) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(number);
            } catch (RuntimeException e) {
                LOG.warn("Extension change listener failed for {}", number, e);
            }
        }
    }
}
