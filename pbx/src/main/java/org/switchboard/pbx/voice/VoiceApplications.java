package org.switchboard.pbx.voice;

import java.util.Optional;

/**
 * Which {@link VoiceApplication} takes a call: a call its callee did not answer (voicemail), or a
 * number the server answers itself ({@code *97}, {@code *98}). Asked on the SIP shard: answers
 * quickly, from memory, and does no I/O (the application does its own, on its thread).
 */
public interface VoiceApplications {

    /** Why a call did not reach its callee. */
    enum Unanswered {
        /** Rang, nobody answered before the ring timeout. */
        NO_ANSWER,
        /** Every phone said busy (486, 600) or declined (603). */
        BUSY,
        /** No phone of the extension is registered (or reachable). */
        UNAVAILABLE
    }

    /** Nothing is answered by the server: callers get the failure, service numbers 404. */
    VoiceApplications NONE = new VoiceApplications() {
        @Override
        public Optional<VoiceApplication> unanswered(String callee, Unanswered why, VoiceCaller caller) {
            return Optional.empty();
        }

        @Override
        public Optional<VoiceApplication> service(String dialled, VoiceCaller caller) {
            return Optional.empty();
        }
    };

    /** The application that takes a call to extension {@code callee} that failed {@code why}; empty: the caller hears the failure. */
    Optional<VoiceApplication> unanswered(String callee, Unanswered why, VoiceCaller caller);

    /** The application of a service number such as {@code *97}; empty when {@code dialled} is none. */
    Optional<VoiceApplication> service(String dialled, VoiceCaller caller);
}
