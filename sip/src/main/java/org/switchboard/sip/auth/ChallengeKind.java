package org.switchboard.sip.auth;

import org.switchboard.sip.message.HeaderNames;

/**
 * Who challenges: a registrar or user agent server answers 401 with {@code WWW-Authenticate}
 * and reads {@code Authorization}; a proxy answers 407 with {@code Proxy-Authenticate} and
 * reads {@code Proxy-Authorization} (RFC 3261 §22.2, §22.3).
 */
public enum ChallengeKind {
    WWW(401, "Unauthorized", HeaderNames.WWW_AUTHENTICATE, HeaderNames.AUTHORIZATION),
    PROXY(407, "Proxy Authentication Required", HeaderNames.PROXY_AUTHENTICATE, HeaderNames.PROXY_AUTHORIZATION);

    private final int status;
    private final String reason;
    private final String challengeHeader;
    private final String credentialsHeader;

    ChallengeKind(int status, String reason, String challengeHeader, String credentialsHeader) {
        this.status = status;
        this.reason = reason;
        this.challengeHeader = challengeHeader;
        this.credentialsHeader = credentialsHeader;
    }

    public int status() { return status; }

    public String reason() { return reason; }

    public String challengeHeader() { return challengeHeader; }

    public String credentialsHeader() { return credentialsHeader; }
}
