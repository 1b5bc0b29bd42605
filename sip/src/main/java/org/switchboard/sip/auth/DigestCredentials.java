package org.switchboard.sip.auth;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Digest credentials, the value of an {@code Authorization} or {@code Proxy-Authorization}
 * header (RFC 3261 §22.2, RFC 7616 §3.4). {@code algorithm} is the token as sent (null when
 * absent, which means MD5); {@code qop}, {@code nc}, {@code cnonce} and {@code opaque} are
 * null when absent. {@code toString()} omits the response so it never reaches a log.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nc, String cnonce, String opaque) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
    }

    /**
     * Parses credentials. Empty when the scheme is not Digest or one of username, realm,
     * nonce, uri, response is missing. Unknown parameters are ignored.
     */
    public static Optional<DigestCredentials> parse(String headerValue) {
        AuthParams p = AuthParams.parse(headerValue).orElse(null);
        if (p == null || !p.scheme().equalsIgnoreCase("Digest")) return Optional.empty();
        String username = p.get("username");
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            return Optional.empty();
        }
        return Optional.of(new DigestCredentials(username, realm, nonce, uri, response, p.get("algorithm"),
                p.get("qop"), p.get("nc"), p.get("cnonce"), p.get("opaque")));
    }

    /** The algorithm, MD5 when absent; empty when it is one we do not know. */
    public Optional<DigestAlgorithm> digestAlgorithm() { return DigestAlgorithm.fromToken(algorithm); }

    /** The nonce count as a number, or -1 when absent or not 8 hex digits (RFC 7616 §3.4). */
    public long nonceCount() {
        if (nc == null || nc.length() != 8) return -1;
        for (int i = 0; i < 8; i++) if (Character.digit(nc.charAt(i), 16) < 0) return -1;
        return Long.parseLong(nc, 16);
    }

    /**
     * The client side: credentials answering {@code challenge} with {@code qop=auth} when it
     * is offered (RFC 2069 form otherwise). Used for outbound registration and in tests.
     */
    public static DigestCredentials answer(DigestChallenge challenge, String username, String password,
                                           String method, String uri, String cnonce, long nonceCount) {
        DigestAlgorithm alg = challenge.algorithm();
        boolean qop = challenge.qop().contains("auth");
        String nc = qop ? HexFormat.of().toHexDigits((int) nonceCount) : null;
        String cn = qop || alg.session() ? cnonce : null;
        String ha1 = alg.ha1(username, challenge.realm(), password, challenge.nonce(), cn);
        String response = alg.response(ha1, challenge.nonce(), nc, cn, qop ? "auth" : null, method, uri);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response,
                alg.token(), qop ? "auth" : null, nc, cn, challenge.opaque());
    }

    /** Prints the header value, quoting as RFC 3261 §25.1 requires (qop, nc, algorithm as tokens). */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(256).append("Digest ");
        AuthParams.appendQuoted(sb, "username", username);
        sb.append(", ");
        AuthParams.appendQuoted(sb, "realm", realm);
        sb.append(", ");
        AuthParams.appendQuoted(sb, "nonce", nonce);
        sb.append(", ");
        AuthParams.appendQuoted(sb, "uri", uri);
        sb.append(", ");
        AuthParams.appendQuoted(sb, "response", response);
        if (algorithm != null) sb.append(", algorithm=").append(algorithm);
        if (cnonce != null) {
            sb.append(", ");
            AuthParams.appendQuoted(sb, "cnonce", cnonce);
        }
        if (opaque != null) {
            sb.append(", ");
            AuthParams.appendQuoted(sb, "opaque", opaque);
        }
        if (qop != null) sb.append(", qop=").append(qop);
        if (nc != null) sb.append(", nc=").append(nc);
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", algorithm=" + algorithm + "]";
    }
}
