package org.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.sip.message.NameAddr;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;

/**
 * Challenges requests and verifies their Digest credentials (RFC 3261 §22, RFC 7616,
 * RFC 8760), with nonces from a {@link NonceService}. Thread-safe and stateless apart from
 * the nonce service.
 *
 * <p>Verification order matters for security: the digest is checked before the nonce's
 * count is recorded (so wrong guesses cannot burn a client's counts); an unknown user costs
 * the same hashing as a known one (a dummy password is used), so neither the answer nor its
 * timing tells the two apart; comparison is constant-time. For REGISTER, the authenticated
 * username must be the user of the To address-of-record (RFC 3261 §10.3 step 6), else
 * {@link FailureReason#USER_MISMATCH}.
 */
public final class DigestAuthenticator {

    /** RFC 8760 §2.4: the preferred algorithm first, one challenge each. */
    public static final List<DigestAlgorithm> DEFAULT_ALGORITHMS = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    private static final List<String> QOP_AUTH = List.of("auth");

    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;
    private final String dummyPassword;

    public DigestAuthenticator(NonceService nonces) {
        this(nonces, DEFAULT_ALGORITHMS);
    }

    /**
     * @param nonces  issues and checks nonces
     * @param offered algorithms to offer, preferred first; only these are accepted
     */
    public DigestAuthenticator(NonceService nonces, List<DigestAlgorithm> offered) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        if (offered.isEmpty()) throw new IllegalArgumentException("offer at least one algorithm");
        this.offered = List.copyOf(offered);
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        this.dummyPassword = HexFormat.of().formatHex(b);
    }

    public List<DigestAlgorithm> offered() { return offered; }

    /** Challenge header values for {@code realm}, one per offered algorithm, sharing one fresh nonce. */
    public List<String> challenge(String realm, Instant now) {
        return challenge(realm, false, now);
    }

    /** As {@link #challenge(String, Instant)}, with {@code stale=true} after a {@link AuthResult.Stale}. */
    public List<String> challenge(String realm, boolean stale, Instant now) {
        String nonce = nonces.issue(now);
        List<String> out = new ArrayList<>(offered.size());
        for (DigestAlgorithm a : offered) out.add(new DigestChallenge(realm, nonce, a, QOP_AUTH, stale, null).toHeaderValue());
        return out;
    }

    /** Verifies the {@code Authorization} header of a request for {@code realm}. */
    public AuthResult verify(SipRequest request, PasswordLookup passwords, String realm, Instant now) {
        return verify(request, ChallengeKind.WWW, passwords, realm, now);
    }

    /**
     * Verifies the credentials of {@code request} for {@code realm}. May block only inside
     * {@code passwords}. Never throws for bad input.
     */
    public AuthResult verify(SipRequest request, ChallengeKind kind, PasswordLookup passwords, String realm,
                             Instant now) {
        String expectedUser = request.isMethod("REGISTER") ? aorUser(request) : null;
        return verify(request, kind, passwords, realm, expectedUser, request.isMethod("REGISTER"), now);
    }

    /**
     * As {@link #verify(SipRequest, ChallengeKind, PasswordLookup, String, Instant)}, for a caller
     * that has already parsed the address-of-record: when {@code requireUser} is set the
     * authenticated username must equal {@code expectedUser} (null never matches), else
     * {@link FailureReason#USER_MISMATCH}.
     */
    public AuthResult verify(SipRequest request, ChallengeKind kind, PasswordLookup passwords, String realm,
                             String expectedUser, boolean requireUser, Instant now) {
        List<String> values = request.headers().all(kind.credentialsHeader());
        if (values.isEmpty()) return new AuthResult.Missing();
        DigestCredentials creds = null;
        boolean malformed = false;
        for (String v : values) {
            DigestCredentials c = DigestCredentials.parse(v).orElse(null);
            if (c == null) malformed = true;
            else if (c.realm().equals(realm)) {
                creds = c;
                break;
            }
        }
        if (creds == null) {
            return malformed ? new AuthResult.Failed("", FailureReason.MALFORMED) : new AuthResult.Missing();
        }
        String user = creds.username();
        DigestAlgorithm alg = creds.digestAlgorithm().orElse(null);
        if (alg == null || !offered.contains(alg)) return new AuthResult.Failed(user, FailureReason.UNSUPPORTED_ALGORITHM);
        if (creds.qop() == null || !creds.qop().equalsIgnoreCase("auth")) {
            return new AuthResult.Failed(user, FailureReason.QOP_REQUIRED);
        }
        long nc = creds.nonceCount();
        if (nc < 1 || creds.cnonce() == null || creds.cnonce().isEmpty()) {
            return new AuthResult.Failed(user, FailureReason.MALFORMED);
        }
        if (!sameUri(creds.uri(), request.uri())) return new AuthResult.Failed(user, FailureReason.URI_MISMATCH);

        String password = passwords.password(user).orElse(null);
        boolean known = password != null;
        String ha1 = alg.ha1(user, realm, known ? password : dummyPassword, creds.nonce(), creds.cnonce());
        String expected = alg.response(ha1, creds.nonce(), creds.nc(), creds.cnonce(), "auth", request.method(),
                creds.uri());
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                creds.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!known) return new AuthResult.Failed(user, FailureReason.UNKNOWN_USER);
        if (!match) return new AuthResult.Failed(user, FailureReason.WRONG_PASSWORD);
        if (requireUser && !user.equals(expectedUser)) {
            return new AuthResult.Failed(user, FailureReason.USER_MISMATCH);
        }
        return switch (nonces.check(creds.nonce(), nc, now)) {
            case VALID -> new AuthResult.Ok(user, alg);
            case STALE, FORGED, REPLAYED -> new AuthResult.Stale(user);
        };
    }

    private static String aorUser(SipRequest request) {
        return request.toAddress().flatMap(NameAddr::sipUri).map(SipUri::user).orElse(null);
    }

    /** RFC 7616 §3.4.6: the digest-uri must name the Request-URI; compared as SIP URIs when both parse. */
    static boolean sameUri(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) return true;
        SipUri a = SipUri.parse(digestUri).orElse(null);
        SipUri b = SipUri.parse(requestUri).orElse(null);
        if (a == null || b == null) return digestUri.equalsIgnoreCase(requestUri);
        return a.scheme().equals(b.scheme()) && Objects.equals(a.user(), b.user())
                && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port()
                && a.params().equals(b.params());
    }
}
