package org.switchboard.pbx.extension;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An extension: a number people dial, a display name, its own ring timeout (empty: the server's
 * {@code calls.ring-timeout}), its {@link SrtpPolicy}, its prompt language (empty: the server's
 * {@code voicemail.language}), the music on hold class its callers hear when it holds them
 * (empty: the server's {@code moh.default-class}), its {@link RecordingPolicy}, and (held apart)
 * its SIP secret.
 *
 * @param language a canonical tag ({@link ExtensionLanguage}: {@code fr}, {@code fr-CH})
 * @param mohClass a class name ({@link MohClass}); the folder need not exist yet
 * @throws IllegalArgumentException if the number breaks {@link ExtensionNumber#RULE}, the ring
 *     timeout {@link RingTimeout#RULE}, the language {@link ExtensionLanguage#RULE} (or is not
 *     canonical) or the music class {@link MohClass#RULE}
 */
public record Extension(String number, String name, Instant createdAt, Optional<Duration> ringTimeout, SrtpPolicy srtp,
                        Optional<String> language, Optional<String> mohClass, RecordingPolicy recording) {
    public Extension {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mohClass, "mohClass");
        Objects.requireNonNull(recording, "recording");
        if (!ExtensionNumber.isValid(number)) throw new IllegalArgumentException(ExtensionNumber.RULE);
        ringTimeout.flatMap(RingTimeout::problem).ifPresent(p -> { throw new IllegalArgumentException(p); });
        if (language.isPresent() && !ExtensionLanguage.isCanonical(language.get())) {
            throw new IllegalArgumentException(ExtensionLanguage.RULE + ", in canonical case, got '" + language.get() + "'");
        }
        if (mohClass.isPresent() && !MohClass.isValid(mohClass.get())) throw new IllegalArgumentException(MohClass.RULE);
    }

    /** An extension with the server's language and music class, never recorded. */
    public Extension(String number, String name, Instant createdAt, Optional<Duration> ringTimeout, SrtpPolicy srtp) {
        this(number, name, createdAt, ringTimeout, srtp, Optional.empty(), Optional.empty(), RecordingPolicy.DEFAULT);
    }

    /** An extension with the default SRTP policy. */
    public Extension(String number, String name, Instant createdAt, Optional<Duration> ringTimeout) {
        this(number, name, createdAt, ringTimeout, SrtpPolicy.DEFAULT);
    }

    /** An extension that rings for the server's default time, with the default SRTP policy. */
    public Extension(String number, String name, Instant createdAt) {
        this(number, name, createdAt, Optional.empty());
    }

    /** How long this extension's phones ring: its own timeout, else {@code serverDefault}. */
    public Duration ringTimeoutOr(Duration serverDefault) {
        return ringTimeout.orElse(Objects.requireNonNull(serverDefault, "serverDefault"));
    }

    /** The language of this extension's prompts: its own tag, else {@code serverDefault}. */
    public String languageOr(String serverDefault) {
        return language.orElse(Objects.requireNonNull(serverDefault, "serverDefault"));
    }

    public Extension withName(String newName) {
        return new Extension(number, newName, createdAt, ringTimeout, srtp, language, mohClass, recording);
    }

    public Extension withRingTimeout(Optional<Duration> newRingTimeout) {
        return new Extension(number, name, createdAt, newRingTimeout, srtp, language, mohClass, recording);
    }

    public Extension withSrtp(SrtpPolicy newSrtp) {
        return new Extension(number, name, createdAt, ringTimeout, newSrtp, language, mohClass, recording);
    }

    /** This extension with its own prompt language, or (empty) the server's. */
    public Extension withLanguage(Optional<String> newLanguage) {
        return new Extension(number, name, createdAt, ringTimeout, srtp, newLanguage, mohClass, recording);
    }

    /** This extension with its own music on hold class, or (empty) the server's. */
    public Extension withMohClass(Optional<String> newMohClass) {
        return new Extension(number, name, createdAt, ringTimeout, srtp, language, newMohClass, recording);
    }

    public Extension withRecording(RecordingPolicy newRecording) {
        return new Extension(number, name, createdAt, ringTimeout, srtp, language, mohClass, newRecording);
    }
}
