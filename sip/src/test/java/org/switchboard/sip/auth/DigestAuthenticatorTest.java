package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;

class DigestAuthenticatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String REALM = "pbx.example.com";
    private static final PasswordLookup PASSWORDS = u -> Optional.ofNullable(Map.of("1001", "s3cret-1001").get(u));

    private final NonceService nonces = new NonceService(Duration.ofSeconds(300), 1000);
    private final DigestAuthenticator auth = new DigestAuthenticator(nonces);

    static SipRequest register(String toUser, String authorization) {
        String text = "REGISTER sip:pbx.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:" + toUser + "@pbx.example.com>\r\n"
                + "From: <sip:" + toUser + "@pbx.example.com>;tag=456248\r\n"
                + "Call-ID: 843817637684230@998sdasdh09\r\n"
                + "CSeq: 1826 REGISTER\r\n"
                + "Contact: <sip:" + toUser + "@192.0.2.10>\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        ParseResult r = SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
        return (SipRequest) ((ParseResult.Parsed) r).message();
    }

    private DigestChallenge firstChallenge(boolean stale) {
        return DigestChallenge.parse(auth.challenge(REALM, stale, T0).getFirst()).orElseThrow();
    }

    private String answer(DigestChallenge ch, String user, String password, long nc) {
        return DigestCredentials.answer(ch, user, password, "REGISTER", "sip:pbx.example.com", "0a4f113b", nc)
                .toHeaderValue();
    }

    @Test
    void challengesOfferSha256FirstThenMd5WithOneNonce() {
        List<String> values = auth.challenge(REALM, T0);
        assertThat(values).hasSize(2);
        DigestChallenge sha = DigestChallenge.parse(values.get(0)).orElseThrow();
        DigestChallenge md5 = DigestChallenge.parse(values.get(1)).orElseThrow();
        assertThat(sha.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(md5.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(sha.nonce()).isEqualTo(md5.nonce());
        assertThat(sha.qop()).containsExactly("auth");
        assertThat(sha.realm()).isEqualTo(REALM);
        assertThat(sha.stale()).isFalse();
        assertThat(DigestChallenge.parse(auth.challenge(REALM, true, T0).getFirst()).orElseThrow().stale()).isTrue();
    }

    @Test
    void noCredentialsIsMissing() {
        assertThat(auth.verify(register("1001", null), PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Missing.class);
    }

    @Test
    void correctSha256AndMd5AnswersAreAccepted() {
        long nc = 0;
        for (String value : auth.challenge(REALM, T0)) { // one nonce shared: its count goes on growing
            DigestChallenge ch = DigestChallenge.parse(value).orElseThrow();
            AuthResult r = auth.verify(register("1001", answer(ch, "1001", "s3cret-1001", ++nc)), PASSWORDS, REALM, T0);
            assertThat(r).isEqualTo(new AuthResult.Ok("1001", ch.algorithm()));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserFail() {
        DigestChallenge ch = firstChallenge(false);
        assertThat(auth.verify(register("1001", answer(ch, "1001", "guess", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.WRONG_PASSWORD));
        assertThat(auth.verify(register("1999", answer(ch, "1999", "guess", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1999", FailureReason.UNKNOWN_USER));
    }

    @Test
    void replayedNonceCountIsStaleNotOk() {
        DigestChallenge ch = firstChallenge(false);
        SipRequest req = register("1001", answer(ch, "1001", "s3cret-1001", 1));
        assertThat(auth.verify(req, PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Ok.class);
        assertThat(auth.verify(req, PASSWORDS, REALM, T0)).isEqualTo(new AuthResult.Stale("1001"));
        SipRequest next = register("1001", answer(ch, "1001", "s3cret-1001", 2));
        assertThat(auth.verify(next, PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void expiredNonceIsStale() {
        DigestChallenge ch = firstChallenge(false);
        SipRequest req = register("1001", answer(ch, "1001", "s3cret-1001", 1));
        assertThat(auth.verify(req, PASSWORDS, REALM, T0.plusSeconds(301))).isEqualTo(new AuthResult.Stale("1001"));
    }

    @Test
    void forgedNonceIsNeverAccepted() {
        DigestChallenge forged = new DigestChallenge(REALM, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                DigestAlgorithm.MD5, List.of("auth"), false, null);
        // even a client that knows the password gets only a new (stale) challenge
        assertThat(auth.verify(register("1001", answer(forged, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Stale("1001"));
        assertThat(auth.verify(register("1001", answer(forged, "1001", "guess", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.WRONG_PASSWORD));
    }

    @Test
    void wrongGuessesDoNotBurnTheLegitimateCount() {
        DigestChallenge ch = firstChallenge(false);
        auth.verify(register("1001", answer(ch, "1001", "guess", 5)), PASSWORDS, REALM, T0);
        assertThat(auth.verify(register("1001", answer(ch, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void registeringSomeoneElsesExtensionIsRefused() {
        DigestChallenge ch = firstChallenge(false);
        assertThat(auth.verify(register("1002", answer(ch, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.USER_MISMATCH));
    }

    @Test
    void rfc2069AnswersWithoutQopAreRefused() {
        DigestChallenge old = new DigestChallenge(REALM, nonces.issue(T0), DigestAlgorithm.MD5, List.of(), false, null);
        assertThat(auth.verify(register("1001", answer(old, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.QOP_REQUIRED));
    }

    @Test
    void algorithmNotOfferedIsRefused() {
        DigestChallenge sess = new DigestChallenge(REALM, nonces.issue(T0), DigestAlgorithm.MD5_SESS, List.of("auth"),
                false, null);
        assertThat(auth.verify(register("1001", answer(sess, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.UNSUPPORTED_ALGORITHM));
        DigestAuthenticator md5Only = new DigestAuthenticator(nonces, List.of(DigestAlgorithm.MD5));
        assertThat(md5Only.challenge(REALM, T0)).hasSize(1);
        DigestChallenge sha = firstChallenge(false);
        assertThat(md5Only.verify(register("1001", answer(sha, "1001", "s3cret-1001", 1)), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void digestUriMustNameTheRequestUri() {
        DigestChallenge ch = firstChallenge(false);
        String other = DigestCredentials.answer(ch, "1001", "s3cret-1001", "REGISTER", "sip:elsewhere.example",
                "c", 1).toHeaderValue();
        assertThat(auth.verify(register("1001", other), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("1001", FailureReason.URI_MISMATCH));
        assertThat(DigestAuthenticator.sameUri("sip:PBX.example.com", "sip:pbx.example.com")).isTrue();
        assertThat(DigestAuthenticator.sameUri("sip:pbx.example.com:5060", "sip:pbx.example.com")).isFalse();
    }

    @Test
    void credentialsForAnotherRealmAreIgnoredAndGarbageFails() {
        DigestChallenge foreign = new DigestChallenge("other.realm", nonces.issue(T0), DigestAlgorithm.MD5,
                List.of("auth"), false, null);
        assertThat(auth.verify(register("1001", answer(foreign, "1001", "x", 1)), PASSWORDS, REALM, T0))
                .isInstanceOf(AuthResult.Missing.class);
        assertThat(auth.verify(register("1001", "Digest username=\"1001"), PASSWORDS, REALM, T0))
                .isEqualTo(new AuthResult.Failed("", FailureReason.MALFORMED));
    }

    @Test
    void responseHexIsComparedCaseInsensitively() {
        DigestChallenge ch = firstChallenge(false);
        DigestCredentials c = DigestCredentials.answer(ch, "1001", "s3cret-1001", "REGISTER", "sip:pbx.example.com", "c", 1);
        DigestCredentials upper = new DigestCredentials(c.username(), c.realm(), c.nonce(), c.uri(),
                c.response().toUpperCase(), c.algorithm(), c.qop(), c.nc(), c.cnonce(), c.opaque());
        assertThat(auth.verify(register("1001", upper.toHeaderValue()), PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void proxiesReadProxyAuthorization() {
        DigestChallenge ch = firstChallenge(false);
        String creds = DigestCredentials.answer(ch, "1001", "s3cret-1001", "REGISTER", "sip:pbx.example.com", "c", 1)
                .toHeaderValue();
        SipRequest withWww = register("1001", creds);
        assertThat(auth.verify(withWww, ChallengeKind.PROXY, PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Missing.class);
        SipRequest withProxy = withWww.withHeaders(withWww.headers().without("Authorization")
                .with(ChallengeKind.PROXY.credentialsHeader(), creds));
        assertThat(auth.verify(withProxy, ChallengeKind.PROXY, PASSWORDS, REALM, T0)).isInstanceOf(AuthResult.Ok.class);
        assertThat(ChallengeKind.PROXY.status()).isEqualTo(407);
    }
}
