package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and printing of WWW-Authenticate and Authorization values (RFC 3261 §25.1 syntax). */
class DigestHeadersTest {

    @Test
    void parsesRfc2617Authorization() {
        String v = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, "
                + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        DigestCredentials c = DigestCredentials.parse(v).orElseThrow();
        assertThat(c.username()).isEqualTo("Mufasa");
        assertThat(c.realm()).isEqualTo("testrealm@host.com");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.nonceCount()).isEqualTo(1);
        assertThat(c.digestAlgorithm()).contains(DigestAlgorithm.MD5);
        assertThat(c.opaque()).isEqualTo("5ccc069c403ebaf9f0171e9517f40e41");
    }

    @Test
    void namesAreCaseInsensitiveUnknownParamsIgnoredEscapesUnquoted() {
        String v = "digest USERNAME=\"a\\\"b\\\\c\",Realm=\"r, with comma\" , NONCE=n1,uri=\"sip:x\","
                + "response=\"abc\",  userhash=false, charset=UTF-8, x-vendor=\"q\"";
        DigestCredentials c = DigestCredentials.parse(v).orElseThrow();
        assertThat(c.username()).isEqualTo("a\"b\\c");
        assertThat(c.realm()).isEqualTo("r, with comma");
        assertThat(c.nonce()).isEqualTo("n1");
        assertThat(c.algorithm()).isNull();
    }

    @Test
    void rejectsBrokenSyntax() {
        assertThat(DigestCredentials.parse("Digest username=\"open")).isEmpty();
        assertThat(DigestCredentials.parse("Digest username")).isEmpty();
        assertThat(DigestCredentials.parse("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(DigestCredentials.parse("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")).isEmpty();
        assertThat(DigestCredentials.parse("")).isEmpty();
        assertThat(DigestCredentials.parse("Digest a=b c=d")).isEmpty();
    }

    @Test
    void aRepeatedParameterInvalidatesTheHeader() {
        String v = "Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"";
        assertThat(DigestCredentials.parse(v)).isEmpty();
    }

    @Test
    void ncMustBeEightHexDigits() {
        String base = "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", nc=";
        assertThat(DigestCredentials.parse(base + "0000000a").orElseThrow().nonceCount()).isEqualTo(10);
        assertThat(DigestCredentials.parse(base + "1").orElseThrow().nonceCount()).isEqualTo(-1);
        assertThat(DigestCredentials.parse(base + "0000000g").orElseThrow().nonceCount()).isEqualTo(-1);
    }

    @Test
    void challengePrintsAndParsesBack() {
        DigestChallenge ch = new DigestChallenge("pbx \"main\"", "abc", DigestAlgorithm.SHA_256, List.of("auth"), true, null);
        String printed = ch.toHeaderValue();
        assertThat(printed).isEqualTo("Digest realm=\"pbx \\\"main\\\"\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\", stale=true");
        assertThat(DigestChallenge.parse(printed)).contains(ch);
    }

    @Test
    void challengeWithUnknownAlgorithmIsSkipped() {
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")).isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\"").orElseThrow().algorithm())
                .isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth-int\"").orElseThrow().qop())
                .containsExactly("auth", "auth-int");
    }

    @Test
    void clientAnswerMatchesRfc7616Vector() {
        DigestChallenge ch = new DigestChallenge("http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                DigestAlgorithm.SHA_256, List.of("auth"), false, "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        DigestCredentials c = DigestCredentials.answer(ch, "Mufasa", "Circle of Life", "GET", "/dir/index.html",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);
        assertThat(c.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(DigestCredentials.parse(c.toHeaderValue())).contains(c);
        assertThat(c.toString()).doesNotContain(c.response());
    }
}
