package org.switchboard.pbx.prompt;

/**
 * No recording of a key in the asked language nor in English, neither the administrator's nor a
 * bundled one. Never happens for keys a {@link Phrasing} produces (a test walks them all); it
 * means a key was asked in a language it is not recorded in and has no English fallback.
 */
public final class MissingPromptException extends RuntimeException {

    public MissingPromptException(String message) {
        super(message);
    }
}
