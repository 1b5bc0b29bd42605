package org.switchboard.pbx.extension;

import java.util.List;
import java.util.Optional;

/**
 * Persistent extensions. Implementations keep the secret encrypted at rest and never log it.
 * All methods may block (database I/O): call them from a virtual thread, never an event loop.
 */
public interface ExtensionRepository {

    /** Adds an extension; false when the number is taken. */
    boolean add(Extension extension, SipSecret secret);

    Optional<Extension> find(String number);

    /** All extensions ordered by number. */
    List<Extension> list();

    /** Removes an extension and its secret; false when there was none. */
    boolean remove(String number);

    /**
     * Writes the settings of an existing extension (name, ring timeout, SRTP policy, language,
     * music class, recording policy) from {@code extension}, leaving its secret and creation time
     * as stored; false when there is no such extension.
     */
    boolean updateSettings(Extension extension);

    /** Replaces the secret; false when there is no such extension. */
    boolean changeSecret(String number, SipSecret secret);

    /** The decrypted secret, for digest authentication only. */
    Optional<SipSecret> secret(String number);
}
