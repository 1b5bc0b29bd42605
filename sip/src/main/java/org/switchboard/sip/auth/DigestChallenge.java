package org.switchboard.sip.auth;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Digest challenge, the value of a {@code WWW-Authenticate} or {@code Proxy-Authenticate}
 * header (RFC 3261 §22.1, RFC 7616 §3.3). {@code qop} lists the offered protections (empty
 * for an RFC 2069 challenge); {@code opaque} is null when absent.
 */
public record DigestChallenge(String realm, String nonce, DigestAlgorithm algorithm, List<String> qop,
                              boolean stale, String opaque) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(algorithm, "algorithm");
        qop = qop == null ? List.of() : List.copyOf(qop);
    }

    /**
     * Parses a challenge. Empty when it is not Digest, lacks realm or nonce, or names an
     * algorithm we do not know (a client then tries the next challenge, RFC 8760 §2.4).
     * Unknown parameters ({@code domain}, {@code charset}, {@code userhash}...) are ignored.
     */
    public static Optional<DigestChallenge> parse(String headerValue) {
        AuthParams p = AuthParams.parse(headerValue).orElse(null);
        if (p == null || !p.scheme().equalsIgnoreCase("Digest")) return Optional.empty();
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null) return Optional.empty();
        DigestAlgorithm alg = DigestAlgorithm.fromToken(p.get("algorithm")).orElse(null);
        if (alg == null) return Optional.empty();
        String qopText = p.get("qop");
        List<String> qop = List.of();
        if (qopText != null) {
            qop = java.util.Arrays.stream(qopText.split(","))
                    .map(q -> q.trim().toLowerCase(Locale.ROOT)).filter(q -> !q.isEmpty()).toList();
        }
        boolean stale = "true".equalsIgnoreCase(p.get("stale"));
        return Optional.of(new DigestChallenge(realm, nonce, alg, qop, stale, p.get("opaque")));
    }

    /** Prints as {@code Digest realm="...", nonce="...", algorithm=SHA-256, qop="auth"}. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(160).append("Digest ");
        AuthParams.appendQuoted(sb, "realm", realm);
        sb.append(", ");
        AuthParams.appendQuoted(sb, "nonce", nonce);
        if (opaque != null) {
            sb.append(", ");
            AuthParams.appendQuoted(sb, "opaque", opaque);
        }
        sb.append(", algorithm=").append(algorithm.token());
        if (!qop.isEmpty()) {
            sb.append(", ");
            AuthParams.appendQuoted(sb, "qop", String.join(",", qop));
        }
        if (stale) sb.append(", stale=true");
        return sb.toString();
    }

    @Override
    public String toString() { return toHeaderValue(); }
}
