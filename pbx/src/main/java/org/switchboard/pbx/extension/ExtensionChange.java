package org.switchboard.pbx.extension;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator changes on an extension's settings; anything left empty keeps its
 * current value. {@code ringTimeout}, {@code language} and {@code mohClass} are themselves
 * optional: {@code Optional.of(Optional.empty())} returns the extension to the server's
 * {@code calls.ring-timeout}, {@code voicemail.language} or {@code moh.default-class}. Build it
 * with the {@code with...} methods from {@link #NONE}. Values are checked by
 * {@link ExtensionService}, which answers what breaks a rule; a language is kept as typed here
 * and stored in its canonical case. The secret changes elsewhere
 * ({@link ExtensionService#changePassword}).
 */
public record ExtensionChange(Optional<String> name, Optional<Optional<Duration>> ringTimeout, Optional<SrtpPolicy> srtp,
                              Optional<Optional<String>> language, Optional<Optional<String>> mohClass,
                              Optional<RecordingPolicy> recording) {
    /** Changes nothing. */
    public static final ExtensionChange NONE = new ExtensionChange(Optional.empty(), Optional.empty(), Optional.empty());

    public ExtensionChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        ringTimeout.ifPresent(r -> Objects.requireNonNull(r, "ringTimeout"));
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(language, "language");
        language.ifPresent(l -> Objects.requireNonNull(l, "language"));
        Objects.requireNonNull(mohClass, "mohClass");
        mohClass.ifPresent(m -> Objects.requireNonNull(m, "mohClass"));
        Objects.requireNonNull(recording, "recording");
    }

    /** A change of name, ring timeout and SRTP policy only. */
    public ExtensionChange(Optional<String> name, Optional<Optional<Duration>> ringTimeout, Optional<SrtpPolicy> srtp) {
        this(name, ringTimeout, srtp, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A change of name and ring timeout only. */
    public ExtensionChange(Optional<String> name, Optional<Optional<Duration>> ringTimeout) {
        this(name, ringTimeout, Optional.empty());
    }

    public ExtensionChange withName(String newName) {
        return new ExtensionChange(Optional.of(Objects.requireNonNull(newName, "newName")), ringTimeout, srtp, language,
                mohClass, recording);
    }

    /** Sets the extension's own ring timeout. */
    public ExtensionChange withRingTimeout(Duration timeout) {
        return new ExtensionChange(name, Optional.of(Optional.of(Objects.requireNonNull(timeout, "timeout"))), srtp,
                language, mohClass, recording);
    }

    /** Makes the extension ring for the server's default time again. */
    public ExtensionChange withDefaultRingTimeout() {
        return new ExtensionChange(name, Optional.of(Optional.empty()), srtp, language, mohClass, recording);
    }

    /** Sets the extension's SRTP policy. */
    public ExtensionChange withSrtp(SrtpPolicy policy) {
        return new ExtensionChange(name, ringTimeout, Optional.of(Objects.requireNonNull(policy, "policy")), language,
                mohClass, recording);
    }

    /** Sets the extension's prompt language, a tag such as {@code fr} or {@code fr-CH} ({@link ExtensionLanguage}). */
    public ExtensionChange withLanguage(String tag) {
        return new ExtensionChange(name, ringTimeout, srtp, Optional.of(Optional.of(Objects.requireNonNull(tag, "tag"))),
                mohClass, recording);
    }

    /** Makes the extension's prompts speak the server's {@code voicemail.language} again. */
    public ExtensionChange withDefaultLanguage() {
        return new ExtensionChange(name, ringTimeout, srtp, Optional.of(Optional.empty()), mohClass, recording);
    }

    /** Sets the music on hold class its callers hear when it holds them ({@link MohClass}). */
    public ExtensionChange withMohClass(String className) {
        return new ExtensionChange(name, ringTimeout, srtp, language,
                Optional.of(Optional.of(Objects.requireNonNull(className, "className"))), recording);
    }

    /** Makes its held callers hear the server's {@code moh.default-class} again. */
    public ExtensionChange withDefaultMohClass() {
        return new ExtensionChange(name, ringTimeout, srtp, language, Optional.of(Optional.empty()), recording);
    }

    /** Sets the extension's recording policy. */
    public ExtensionChange withRecording(RecordingPolicy policy) {
        return new ExtensionChange(name, ringTimeout, srtp, language, mohClass,
                Optional.of(Objects.requireNonNull(policy, "policy")));
    }

    /** True when the change would change nothing. */
    public boolean isEmpty() {
        return name.isEmpty() && ringTimeout.isEmpty() && srtp.isEmpty() && language.isEmpty() && mohClass.isEmpty()
                && recording.isEmpty();
    }
}
