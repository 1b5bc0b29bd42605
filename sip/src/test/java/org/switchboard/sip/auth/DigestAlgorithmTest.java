package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    @Test
    void rfc2617Section3_5ExampleMd5() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life", null, null);
        String response = md5.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
                "GET", "/dir/index.html");
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void rfc7616Section3_9_1ExampleSha256() {
        DigestAlgorithm sha = DigestAlgorithm.SHA_256;
        String ha1 = sha.ha1("Mufasa", "http-auth@example.org", "Circle of Life", null, null);
        String response = sha.response(ha1, RFC7616_NONCE, "00000001", RFC7616_CNONCE, "auth", "GET", "/dir/index.html");
        assertThat(response).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void rfc7616Section3_9_1ExampleMd5() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.ha1("Mufasa", "http-auth@example.org", "Circle of Life", null, null);
        String response = md5.response(ha1, RFC7616_NONCE, "00000001", RFC7616_CNONCE, "auth", "GET", "/dir/index.html");
        assertThat(response).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void sessionVariantHashesNonceAndCnonceIntoHa1() {
        String base = DigestAlgorithm.MD5.ha1("u", "r", "p", null, null);
        String sess = DigestAlgorithm.MD5_SESS.ha1("u", "r", "p", "n", "c");
        assertThat(sess).isEqualTo(DigestAlgorithm.MD5.hash(base + ":n:c"));
    }

    @Test
    void rfc2069FormWithoutQop() {
        String ha1 = DigestAlgorithm.MD5.ha1("u", "r", "p", null, null);
        String ha2 = DigestAlgorithm.MD5.hash("REGISTER:sip:r");
        assertThat(DigestAlgorithm.MD5.response(ha1, "n", null, null, null, "REGISTER", "sip:r"))
                .isEqualTo(DigestAlgorithm.MD5.hash(ha1 + ":n:" + ha2));
    }

    @Test
    void tokensParseCaseInsensitivelyAndAbsentMeansMd5() {
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("md5-SESS")).contains(DigestAlgorithm.MD5_SESS);
        assertThat(DigestAlgorithm.fromToken(null)).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isEmpty();
        assertThat(DigestAlgorithm.SHA_256.hexLength()).isEqualTo(64);
    }
}
