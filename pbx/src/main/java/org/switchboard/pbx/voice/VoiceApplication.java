package org.switchboard.pbx.voice;

/**
 * An application that talks with a caller the server answered: written as straight-line code on
 * its own virtual thread, blocking on {@link VoiceLine#next}. When it returns, the server does
 * what the {@link Ending} says; an exception is logged and the call is hung up.
 */
@FunctionalInterface
public interface VoiceApplication {

    /**
     * Talks with the caller on {@code line} until done or the caller hangs up.
     *
     * @throws InterruptedException when the server stops
     */
    Ending run(VoiceLine line) throws InterruptedException;

    /** What becomes of the call when an application is done. */
    sealed interface Ending {
        /** The server hangs up (BYE), unless the caller already did. */
        record HangUp() implements Ending { }

        /** The caller is put through to {@code number} (the operator of voicemail's {@code 0}). */
        record Transfer(String number) implements Ending { }
    }

    Ending HANG_UP = new Ending.HangUp();
}
