package org.switchboard.sip.auth;

/**
 * Why credentials were refused, for the security log. The SIP answer must not depend on it
 * (except {@link #USER_MISMATCH}, which only a correct password reaches): an unknown user and
 * a wrong password get the same challenge, so extension scanning learns nothing.
 */
public enum FailureReason {
    /** The credentials header could not be read, or lacks nc/cnonce. */
    MALFORMED("malformed"),
    /** An algorithm we did not offer. */
    UNSUPPORTED_ALGORITHM("unsupported_algorithm"),
    /** No {@code qop=auth} (RFC 2069 answers and auth-int are refused). */
    QOP_REQUIRED("qop_required"),
    /** The digest-uri differs from the Request-URI (RFC 7616 §3.4.6). */
    URI_MISMATCH("uri_mismatch"),
    /** No such user; computed anyway, so it takes as long as a wrong password. */
    UNKNOWN_USER("unknown_user"),
    /** The response does not match. */
    WRONG_PASSWORD("wrong_password"),
    /** A correct digest for a user other than the address-of-record of the REGISTER. */
    USER_MISMATCH("user_mismatch");

    private final String token;

    FailureReason(String token) { this.token = token; }

    /** The value written in {@code reason=} of the security log. */
    public String token() { return token; }
}
