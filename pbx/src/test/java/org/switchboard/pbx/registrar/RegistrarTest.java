package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.AuthFailurePolicy;
import org.switchboard.pbx.security.KeyValueLine;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.NonceService;
import org.switchboard.sip.message.HeaderField;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

class RegistrarTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Map<String, SipSecret> SECRETS = Map.of(
            "1001", SipSecret.of("s3cret-1001"), "1002", SipSecret.of("s3cret-1002"));

    final FakeBindingRepository repo = new FakeBindingRepository();
    final Location location = new Location(repo, InstantSource.fixed(T0));
    final List<String> securityLines = new ArrayList<>();
    RegistrarSettings settings = RegistrarSettings.defaults("pbx.example.com");
    AuthFailurePolicy policy = AuthFailurePolicy.DEFAULTS;
    final NonceService nonces = new NonceService(Duration.ofSeconds(300), 10_000);

    Registrar registrar() {
        return new Registrar(settings, location, n -> Optional.ofNullable(SECRETS.get(n)),
                new DigestAuthenticator(nonces), new AuthFailureGuard(policy), new SecurityLog(securityLines::add));
    }

    static List<String> contacts(SipResponse r) { return r.headers().all(HeaderNames.CONTACT); }

    static List<String> names(SipResponse r) { return r.headers().fields().stream().map(HeaderField::name).toList(); }

    @Test
    void challengeThenRegisterThen200ListingTheContact() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse challenge = phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10:5062>")), T0);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.reason()).isEqualTo("Unauthorized");
        List<String> offers = challenge.headers().all(HeaderNames.WWW_AUTHENTICATE);
        assertThat(offers).extracting(v -> DigestChallenge.parse(v).orElseThrow().algorithm())
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(challenge.to().tag()).isPresent();
        assertThat(location.lookup("1001", T0)).isEmpty();

        SipResponse ok = phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10:5062>")), T0);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(contacts(ok)).containsExactly("<sip:1001@192.0.2.10:5062>;expires=3600");
        assertThat(ok.headers().first(HeaderNames.DATE)).contains("Thu, 01 Jan 2026 00:00:00 GMT");
        assertThat(ok.to().tag()).isPresent();
        assertThat(ok.cseq().number()).isEqualTo(2);

        Binding b = location.lookup("1001", T0).getFirst();
        assertThat(b.contactUri()).isEqualTo("sip:1001@192.0.2.10:5062");
        assertThat(b.expiresAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(b.flow()).isEqualTo(phone.flow);
        assertThat(b.userAgent()).isEqualTo("TestPhone/1.0");
        assertThat(b.callId()).isEqualTo(phone.callId);
        assertThat(b.cseq()).isEqualTo(2);
        assertThat(securityLines).isEmpty();
    }

    @Test
    void md5ClientsRegisterToo() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse challenge = phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10>")), T0);
        phone.challenge = DigestChallenge.parse(challenge.headers().all(HeaderNames.WWW_AUTHENTICATE).get(1)).orElseThrow();
        assertThat(phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10>")), T0).status()).isEqualTo(200);
    }

    @Test
    void twoContactsWithDifferentExpiriesAndExpiryRemovesOne() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse ok = phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>;expires=120",
                "Contact: <sip:1001@192.0.2.11;transport=tcp>", "Expires: 600");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(contacts(ok)).containsExactly("<sip:1001@192.0.2.10>;expires=120",
                "<sip:1001@192.0.2.11;transport=tcp>;expires=600");

        assertThat(location.expire(T0.plusSeconds(120))).isEqualTo(1);
        assertThat(location.lookup("1001", T0.plusSeconds(120))).extracting(Binding::contactUri)
                .containsExactly("sip:1001@192.0.2.11;transport=tcp");
        SipResponse query = phone.register(registrar, T0.plusSeconds(130));
        assertThat(contacts(query)).containsExactly("<sip:1001@192.0.2.11;transport=tcp>;expires=470");
    }

    @Test
    void tooShortExpiryGets423WithMinExpires() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse r = phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>", "Expires: 30");
        assertThat(r.status()).isEqualTo(423);
        assertThat(r.reason()).isEqualTo("Interval Too Brief");
        assertThat(r.headers().first(HeaderNames.MIN_EXPIRES)).contains("60");
        assertThat(location.lookup("1001", T0)).isEmpty();
    }

    @Test
    void tooLongExpiryIsCutDown() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse r = phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>", "Expires: 99999");
        assertThat(r.status()).isEqualTo(200);
        assertThat(contacts(r)).containsExactly("<sip:1001@192.0.2.10>;expires=3600");
    }

    @Test
    void malformedExpiresCountsAsTheDefault() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse r = phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>;expires=soon");
        assertThat(contacts(r)).containsExactly("<sip:1001@192.0.2.10>;expires=3600");
    }

    @Test
    void wildcardWithExpiresZeroRemovesEveryContact() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>", "Contact: <sip:1001@192.0.2.11>");
        TestPhone other = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.12");
        other.register(registrar, T0, "Contact: <sip:1001@192.0.2.12>");
        assertThat(location.lookup("1001", T0)).hasSize(3);

        SipResponse r = phone.register(registrar, T0.plusSeconds(5), "Contact: *", "Expires: 0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(contacts(r)).isEmpty();
        assertThat(location.lookup("1001", T0.plusSeconds(5))).isEmpty();
        location.flush();
        assertThat(repo.rows).isEmpty();
    }

    @Test
    void wildcardNeedsExpiresZeroAndNoOtherContact() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>");
        assertThat(phone.register(registrar, T0, "Contact: *", "Expires: 60").status()).isEqualTo(400);
        assertThat(phone.register(registrar, T0, "Contact: *").status()).isEqualTo(400);
        assertThat(phone.register(registrar, T0, "Contact: *", "Contact: <sip:x@192.0.2.1>", "Expires: 0").status())
                .isEqualTo(400);
        assertThat(location.lookup("1001", T0)).hasSize(1);
    }

    @Test
    void expiresZeroRemovesOneContact() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>", "Contact: <sip:1001@192.0.2.11>");
        SipResponse r = phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>;expires=0");
        assertThat(contacts(r)).containsExactly("<sip:1001@192.0.2.11>;expires=3600");
    }

    @Test
    void unknownUserAndWrongPasswordGetIdenticalAnswers() {
        Registrar registrar = registrar();
        TestPhone probe = new TestPhone("1001", "1001", "s3cret-1001", "198.51.100.7");
        probe.send(registrar, probe.request(List.of("Contact: <sip:1001@198.51.100.7>")), T0);
        DigestChallenge ch = probe.challenge;
        List<String> contact = List.of("Contact: <sip:1001@198.51.100.7>");
        String wrongPassword = org.switchboard.sip.auth.DigestCredentials
                .answer(ch, "1001", "not-the-password", "REGISTER", probe.requestUri, "abc", 1).toHeaderValue();
        String unknownUser = org.switchboard.sip.auth.DigestCredentials
                .answer(ch, "1999", "not-the-password", "REGISTER", probe.requestUri, "abc", 1).toHeaderValue();
        long cseq = probe.cseq;
        SipResponse a = probe.send(registrar, probe.request(contact, wrongPassword), T0);
        probe.cseq = cseq;
        SipResponse b = probe.send(registrar, probe.request(contact, unknownUser), T0);

        assertThat(a.status()).isEqualTo(b.status()).isEqualTo(401);
        assertThat(a.reason()).isEqualTo(b.reason());
        assertThat(names(a)).isEqualTo(names(b));
        for (int i = 0; i < a.headers().size(); i++) {
            HeaderField fa = a.headers().fields().get(i);
            HeaderField fb = b.headers().fields().get(i);
            if (fa.name().equals(HeaderNames.WWW_AUTHENTICATE)) {
                assertThat(withoutNonce(fa.value())).isEqualTo(withoutNonce(fb.value()));
                assertThat(fa.value()).isNotEqualTo(fb.value());
            } else {
                assertThat(fa).isEqualTo(fb);
            }
        }
        assertThat(securityLines).extracting(l -> KeyValueLine.parse(l).orElseThrow().get("reason"))
                .containsExactly("wrong_password", "unknown_user");
    }

    @Test
    void aNonExtensionUserIsChallengedLikeAnyOther() {
        Registrar registrar = registrar();
        TestPhone known = new TestPhone("1001", "1001", "x", "198.51.100.7");
        TestPhone scanner = new TestPhone("admin", "admin", "x", "198.51.100.7");
        SipResponse a = known.send(registrar, known.request(List.of()), T0);
        SipResponse b = scanner.send(registrar, scanner.request(List.of()), T0);
        assertThat(b.status()).isEqualTo(a.status()).isEqualTo(401);
        assertThat(names(b)).isEqualTo(names(a));
        SipResponse after = scanner.send(registrar, scanner.request(List.of()), T0);
        assertThat(after.status()).isEqualTo(401);
        assertThat(KeyValueLine.parse(securityLines.getLast()).orElseThrow()).containsEntry("reason", "unknown_user")
                .containsEntry("user", "admin");
    }

    private static String withoutNonce(String challenge) {
        return challenge.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
    }

    @Test
    void repeatedFailuresBlockTheSourceAndAreLoggedParseably() {
        policy = new AuthFailurePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(600), 1000);
        Registrar registrar = registrar();
        TestPhone attacker = new TestPhone("1001", "1001", "guess", "198.51.100.7");
        attacker.send(registrar, attacker.request(List.of()), T0); // the first challenge is no failure
        for (int i = 0; i < 3; i++) {
            SipRequest guess = attacker.request(List.of("Contact: <sip:1001@198.51.100.7>"));
            assertThat(attacker.send(registrar, guess, T0.plusSeconds(i)).status()).isEqualTo(401);
        }
        assertThat(registrar.handle(attacker.request(List.of()), attacker.flow, T0.plusSeconds(4)))
                .isInstanceOf(RegistrarOutcome.Drop.class);
        TestPhone legit = new TestPhone("1002", "1002", "s3cret-1002", "192.0.2.20");
        assertThat(legit.register(registrar, T0.plusSeconds(4), "Contact: <sip:1002@192.0.2.20>").status()).isEqualTo(200);
        assertThat(registrar.handle(attacker.request(List.of()), attacker.flow, T0.plusSeconds(604)))
                .isInstanceOf(RegistrarOutcome.Reply.class);

        assertThat(securityLines).hasSize(5); // the last one: its guess after the block ended
        for (String line : securityLines.subList(0, 3)) {
            Map<String, String> kv = KeyValueLine.parse(line).orElseThrow();
            assertThat(kv).containsExactly(Map.entry("event", "auth_failure"), Map.entry("source", "udp:198.51.100.7:5062"),
                    Map.entry("user", "1001"), Map.entry("method", "REGISTER"), Map.entry("reason", "wrong_password"));
            assertThat(line).doesNotContain("guess").doesNotContain("response");
        }
        assertThat(KeyValueLine.parse(securityLines.get(3)).orElseThrow()).containsExactly(
                Map.entry("event", "address_blocked"), Map.entry("source", "udp:198.51.100.7:5062"),
                Map.entry("until", T0.plusSeconds(2 + 600).toString()));
    }

    @Test
    void credentialsOfAnotherExtensionAreForbidden() {
        Registrar registrar = registrar();
        TestPhone thief = new TestPhone("1002", "1001", "s3cret-1001", "192.0.2.10");
        SipResponse r = thief.register(registrar, T0, "Contact: <sip:1002@192.0.2.10>");
        assertThat(r.status()).isEqualTo(403);
        assertThat(location.lookup("1002", T0)).isEmpty();
        assertThat(KeyValueLine.parse(securityLines.getFirst()).orElseThrow()).containsEntry("reason", "user_mismatch");
    }

    @Test
    void staleNonceIsChallengedAgainWithStaleTrue() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>");
        SipResponse r = phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10>")), T0.plusSeconds(400));
        assertThat(r.status()).isEqualTo(401);
        assertThat(phone.challenge.stale()).isTrue();
        assertThat(securityLines).isEmpty();
        assertThat(phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10>")), T0.plusSeconds(400))
                .status()).isEqualTo(200);
    }

    @Test
    void aReplayedRegisterChangesNothing() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.send(registrar, phone.request(List.of()), T0);
        SipRequest captured = phone.request(List.of("Contact: <sip:1001@192.0.2.10>"));
        assertThat(phone.send(registrar, captured, T0).status()).isEqualTo(200);
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>;expires=0");
        assertThat(registrar.handle(captured, phone.flow, T0.plusSeconds(1)))
                .isInstanceOfSatisfying(RegistrarOutcome.Reply.class, r -> assertThat(r.response().status()).isEqualTo(401));
        assertThat(location.lookup("1001", T0)).isEmpty();
    }

    @Test
    void anOlderCSeqOnTheSameCallIdFailsWith500() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.cseq = 10;
        assertThat(phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>").status()).isEqualTo(200);
        phone.cseq = 5;
        SipResponse r = phone.send(registrar, phone.request(List.of("Contact: <sip:1001@192.0.2.10>;expires=0")), T0);
        assertThat(r.status()).isEqualTo(500);
        assertThat(location.lookup("1001", T0)).hasSize(1);
        assertThat(location.lookup("1001", T0).getFirst().cseq()).isEqualTo(11);
    }

    @Test
    void anotherCallIdMayUpdateTheBindingWhateverItsCSeq() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.cseq = 100;
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>");
        TestPhone rebooted = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        rebooted.callId = "after-reboot";
        SipResponse r = rebooted.register(registrar, T0.plusSeconds(10), "Contact: <sip:1001@192.0.2.10>", "Expires: 120");
        assertThat(contacts(r)).containsExactly("<sip:1001@192.0.2.10>;expires=120");
        assertThat(location.lookup("1001", T0).getFirst().callId()).isEqualTo("after-reboot");
    }

    @Test
    void contactsBeyondTheCapReplaceTheLeastRecentlyRefreshed() {
        settings = settings.withMaxContactsPerAor(2);
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10:1>");
        phone.register(registrar, T0.plusSeconds(1), "Contact: <sip:1001@192.0.2.10:2>");
        phone.register(registrar, T0.plusSeconds(2), "Contact: <sip:1001@192.0.2.10:1>"); // refresh
        SipResponse r = phone.register(registrar, T0.plusSeconds(3), "Contact: <sip:1001@192.0.2.10:3>");
        assertThat(r.status()).isEqualTo(200);
        assertThat(contacts(r)).extracting(c -> c.substring(0, c.indexOf('>') + 1))
                .containsExactly("<sip:1001@192.0.2.10:1>", "<sip:1001@192.0.2.10:3>");
        assertThat(phone.register(registrar, T0.plusSeconds(4), "Contact: <sip:a@192.0.2.1>", "Contact: <sip:b@192.0.2.1>",
                "Contact: <sip:c@192.0.2.1>").status()).isEqualTo(403);
    }

    @Test
    void aRegisterWithoutContactListsTheBindings() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>");
        SipResponse r = phone.register(registrar, T0.plusSeconds(100));
        assertThat(r.status()).isEqualTo(200);
        assertThat(contacts(r)).containsExactly("<sip:1001@192.0.2.10>;expires=3500");
    }

    @Test
    void foreignDomainsGet404AndOurAddressIsServed() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.requestUri = "sip:elsewhere.example.org";
        assertThat(phone.send(registrar, phone.request(List.of()), T0).status()).isEqualTo(404);
        phone.requestUri = "sip:127.0.0.1:5060"; // the local address the request arrived on
        assertThat(phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>").status()).isEqualTo(200);
        phone.requestUri = "sip:PBX.Example.COM";
        assertThat(phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>").status()).isEqualTo(200);
    }

    @Test
    void aTelRequestUriGets416() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipRequest sip = phone.request(List.of());
        SipRequest tel = sip.withUri("tel:+15551234");
        assertThat(registrar.handle(tel, phone.flow, T0)).isInstanceOfSatisfying(RegistrarOutcome.Reply.class,
                r -> assertThat(r.response().status()).isEqualTo(416));
    }

    @Test
    void badContactsAreRefusedWith400() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        assertThat(phone.register(registrar, T0, "Contact: <tel:+15551234>").status()).isEqualTo(400);
    }

    @Test
    void otherMethodsAreNotHandled() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        SipRequest register = phone.request(List.of());
        SipRequest options = new SipRequest("OPTIONS", register.uri(), register.headers(), null);
        RegistrarOutcome out = registrar.handle(options, phone.flow, T0);
        assertThat(out).isInstanceOfSatisfying(RegistrarOutcome.Reply.class, r -> {
            assertThat(r.response().status()).isEqualTo(405);
            assertThat(r.response().headers().first(HeaderNames.ALLOW)).contains("REGISTER");
        });
    }

    @Test
    void registrationsSurviveARestart() {
        Registrar registrar = registrar();
        TestPhone phone = new TestPhone("1001", "1001", "s3cret-1001", "192.0.2.10");
        phone.register(registrar, T0, "Contact: <sip:1001@192.0.2.10>", "Expires: 600");
        location.close();
        try (Location after = Location.restore(repo, InstantSource.fixed(T0.plusSeconds(60)), T0.plusSeconds(60))) {
            assertThat(after.lookup("1001", T0.plusSeconds(60))).extracting(Binding::contactUri)
                    .containsExactly("sip:1001@192.0.2.10");
            assertThat(after.lookup("1001", T0.plusSeconds(60)).getFirst().flow()).isEqualTo(phone.flow);
        }
    }
}
