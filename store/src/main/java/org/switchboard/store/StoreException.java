package org.switchboard.store;

/**
 * The store could not do what was asked: the database could not be opened or migrated, a
 * statement failed, or the store is closed. The message says what and where, never a secret.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) { super(message); }

    public StoreException(String message, Throwable cause) { super(message, cause); }
}
