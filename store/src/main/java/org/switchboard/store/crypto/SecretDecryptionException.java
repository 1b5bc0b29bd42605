package org.switchboard.store.crypto;

import org.switchboard.store.StoreException;

/**
 * A sealed secret could not be opened: it was altered, moved to another row (its associated
 * data differs), or sealed under a key this server does not hold. The stored value is unusable;
 * an administrator must set a new secret.
 */
public final class SecretDecryptionException extends StoreException {
    public SecretDecryptionException(String message) { super(message); }

    public SecretDecryptionException(String message, Throwable cause) { super(message, cause); }
}
