package org.switchboard.app.cli;

/** A command failed in a way the user can act on; the message says how. */
final class CliException extends Exception {
    private final int exitCode;

    CliException(String message) {
        this(message, 1);
    }

    CliException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() { return exitCode; }
}
