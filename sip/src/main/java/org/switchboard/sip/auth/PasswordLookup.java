package org.switchboard.sip.auth;

import java.util.Optional;

/**
 * Finds the password of a digest username. An implementation backed by a database may block
 * on a cache miss: call {@link DigestAuthenticator#verify} from a thread that may block.
 */
@FunctionalInterface
public interface PasswordLookup {

    /** The password, or empty for an unknown user. Never log the result. */
    Optional<String> password(String username);
}
