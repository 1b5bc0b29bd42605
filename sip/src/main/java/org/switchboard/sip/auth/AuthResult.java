package org.switchboard.sip.auth;

/** What {@link DigestAuthenticator#verify} concluded about a request's credentials. */
public sealed interface AuthResult {

    /** Authenticated as {@code username}. */
    record Ok(String username, DigestAlgorithm algorithm) implements AuthResult { }

    /** No credentials for our realm: answer with a challenge, not a failure. */
    record Missing() implements AuthResult { }

    /**
     * The digest was right but its nonce expired, was forgotten, replayed or issued before a
     * restart: challenge again with {@code stale=true} (RFC 7616 §3.3), not a failure.
     */
    record Stale(String username) implements AuthResult { }

    /**
     * Refused. {@code username} is as the client sent it (untrusted; empty when unreadable);
     * log it sanitised and never answer differently by {@code reason}.
     */
    record Failed(String username, FailureReason reason) implements AuthResult { }
}
