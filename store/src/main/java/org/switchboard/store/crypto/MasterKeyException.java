package org.switchboard.store.crypto;

import org.switchboard.store.StoreException;

/**
 * The master key file cannot be used: unreadable, wrong permissions or size, or it does not
 * belong to this database. The message says which file and what to fix; it never holds key bytes.
 */
public final class MasterKeyException extends StoreException {
    public MasterKeyException(String message) { super(message); }

    public MasterKeyException(String message, Throwable cause) { super(message, cause); }
}
