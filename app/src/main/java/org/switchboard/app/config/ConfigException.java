package org.switchboard.app.config;

/**
 * A configuration the server cannot run with. The message names the flag or YAML key and
 * says what to fix; the launcher prints it and exits with status 2.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
