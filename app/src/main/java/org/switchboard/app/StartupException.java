package org.switchboard.app;

/** The server cannot start; the message says why and what to do. The launcher exits with 1. */
public final class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
