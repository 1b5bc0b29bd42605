package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoAttributeTest {

    /** RFC 4568 §9.1's example line (one key, lifetime 2^20, MKI 1 in 32 bytes). */
    static final String RFC_9_1 = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32";
    /** RFC 4568 §4's example: two lines of one offer, with a session parameter. */
    static final String RFC_4_TAG_1 =
            "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4 FEC_ORDER=FEC_SRTP";
    /** RFC 4568 §6.1's example: two master keys told apart by their MKI. */
    static final String RFC_6_1_TWO_KEYS = "1 AES_CM_128_HMAC_SHA1_80"
            + " inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:4;"
            + "inline:QUJjZGVmZ2hpSktMTU5PUFFSU1RVVldYWVphYmNk|2^20|2:4";

    static CryptoAttribute parsed(String value) {
        CryptoParseResult r = CryptoAttribute.parse(value);
        assertThat(r).as(value).isInstanceOf(CryptoParseResult.Parsed.class);
        return ((CryptoParseResult.Parsed) r).crypto();
    }

    static String skipped(String value) {
        CryptoParseResult r = CryptoAttribute.parse(value);
        assertThat(r).as(value).isInstanceOf(CryptoParseResult.Skipped.class);
        return ((CryptoParseResult.Skipped) r).reason();
    }

    @Test
    void readsTheRfcExampleAndPrintsItBackUnchanged() {
        CryptoAttribute c = parsed(RFC_9_1);
        assertThat(c.tag()).isEqualTo(1);
        assertThat(c.suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(c.key().keySalt()).isEqualTo(Base64.getDecoder().decode("PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"));
        assertThat(c.key().lifetime()).isEqualTo("2^20");
        assertThat(c.key().mki()).isEqualTo(new InlineKey.Mki("1", 32));
        assertThat(c.key().mkiLength()).isEqualTo(32);
        assertThat(c.text()).isEqualTo(RFC_9_1);
    }

    @Test
    void keepsSessionParametersAsWrittenAndSeveralKeysInOrder() {
        CryptoAttribute withParam = parsed(RFC_4_TAG_1);
        assertThat(withParam.sessionParams()).containsExactly("FEC_ORDER=FEC_SRTP");
        assertThat(withParam.hasSessionParam("FEC_ORDER")).isTrue();
        assertThat(withParam.hasSessionParam("UNENCRYPTED_SRTP")).isFalse();
        assertThat(withParam.text()).isEqualTo(RFC_4_TAG_1);

        CryptoAttribute twoKeys = parsed(RFC_6_1_TWO_KEYS);
        assertThat(twoKeys.keys()).hasSize(2);
        assertThat(twoKeys.key().mki().value()).isEqualTo("1");
        assertThat(twoKeys.keys().get(1).mki().value()).isEqualTo("2");
        assertThat(twoKeys.text()).isEqualTo(RFC_6_1_TWO_KEYS);
    }

    @Test
    void splitsTheKeyMaterialIntoMasterKeyAndSalt() {
        CryptoAttribute c = parsed(RFC_9_1);
        byte[] all = c.key().keySalt();
        assertThat(c.key().masterKey(c.suite())).hasSize(16).isEqualTo(java.util.Arrays.copyOf(all, 16));
        assertThat(c.key().masterSalt(c.suite())).hasSize(14).isEqualTo(java.util.Arrays.copyOfRange(all, 16, 30));
    }

    @Test
    void readsWhatBaresipOffers() {
        SessionDescription offer = SdpGoldens.captured("baresip-1.0/srtp-ice-offer.sdp");
        List<CryptoAttribute> usable = CryptoAttribute.usable(offer.media().getFirst());
        assertThat(usable).singleElement().satisfies(c -> {
            assertThat(c.tag()).isEqualTo(1);
            assertThat(c.suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_80);
            assertThat(c.key().mki()).isNull();
        });
    }

    @ParameterizedTest
    @CsvSource({
            "AES_CM_128_HMAC_SHA1_32, 30", "AES_256_CM_HMAC_SHA1_80, 46", "AES_256_CM_HMAC_SHA1_32, 46",
            "AEAD_AES_128_GCM, 28", "AEAD_AES_256_GCM, 44"})
    void knowsTheKeyLengthOfEverySuite(String name, int bytes) {
        String key = Base64.getEncoder().encodeToString(new byte[bytes]);
        CryptoAttribute c = parsed("7 " + name + " inline:" + key);
        assertThat(c.suite().sdpName()).isEqualTo(name);
        assertThat(c.suite().keySaltLength()).isEqualTo(bytes);
        assertThat(skipped("7 " + name + " inline:" + Base64.getEncoder().encodeToString(new byte[bytes - 1])))
                .isEqualTo("inline key length does not fit the crypto suite");
    }

    @Test
    void skipsBadLinesWithAReasonThatQuotesNothing() {
        assertThat(skipped("1 F8_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"))
                .isEqualTo("unsupported crypto suite");
        assertThat(skipped("1 aes_cm_128_hmac_sha1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"))
                .as("suite names are case-sensitive").isEqualTo("unsupported crypto suite");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80")).isEqualTo("crypto attribute needs a tag, a suite and a key");
        assertThat(skipped("x AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"))
                .isEqualTo("crypto tag is not a number");
        assertThat(skipped("1234567890 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"))
                .isEqualTo("crypto tag longer than 9 digits");
        assertThat(skipped("1 AES-CM inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")).isEqualTo("malformed crypto suite");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example.com/k"))
                .isEqualTo("unsupported crypto key method");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:not*base64*at*all")).isEqualTo("inline key is not base64");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|1:0"))
                .isEqualTo("malformed MKI");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|1:129"))
                .isEqualTo("malformed MKI");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^x"))
                .isEqualTo("malformed inline key");
        assertThat(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|1:4|2^20"))
                .as("lifetime comes before MKI (RFC 4568 §9.1)").isEqualTo("malformed inline key");
        assertThat(skipped(null)).isEqualTo("crypto attribute without a value");
        for (String reason : List.of(skipped("1 AES_CM_128_HMAC_SHA1_80 inline:c2VjcmV0"))) {
            assertThat(reason).doesNotContain("c2VjcmV0");
        }
    }

    @Test
    void aMediaDescriptionGivesEveryLineParsedAndTheUsableOnesInOrder() {
        MediaDescription m = MediaDescription.of("audio", 5004, "RTP/SAVP", List.of("0")).withAttributes(List.of(
                Attribute.of("crypto", "1 F8_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"),
                Attribute.of("crypto", "2 AES_CM_128_HMAC_SHA1_32 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"),
                Attribute.of("crypto", RFC_9_1)));
        assertThat(CryptoAttribute.of(m)).hasSize(3).first().isInstanceOf(CryptoParseResult.Skipped.class);
        assertThat(CryptoAttribute.usable(m)).extracting(CryptoAttribute::tag).containsExactly(2, 1);
    }

    @Test
    void generatesFreshKeysOfTheSuitesLength() {
        SecureRandom random = new SecureRandom();
        CryptoAttribute a = CryptoAttribute.generate(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, random);
        CryptoAttribute b = CryptoAttribute.generate(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, random);
        assertThat(a.key().keySalt()).hasSize(30);
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(parsed(a.text())).isEqualTo(a);
        assertThat(a.attribute().toString()).startsWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
        assertThat(a.withTag(5).text()).startsWith("5 AES_CM_128_HMAC_SHA1_80 ");
        assertThat(CryptoAttribute.generate(2, CryptoSuite.AEAD_AES_256_GCM, random).key().keySalt()).hasSize(44);
    }

    @Test
    void neverShowsAKeyInToString() {
        CryptoAttribute c = parsed(RFC_9_1);
        assertThat(c.toString()).isEqualTo("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<redacted>")
                .doesNotContain("PS1uQCVe");
        assertThat(c.key().toString()).doesNotContain("PS1uQCVe").contains("redacted");
    }

    @Test
    void keyArraysAreCopiedInAndOut() {
        byte[] material = new byte[30];
        InlineKey key = new InlineKey(material, null, null);
        material[0] = 9;
        key.keySalt()[1] = 9;
        assertThat(key.keySalt()).containsOnly(0);
    }

    @Test
    void refusesToBuildWhatCannotBePrinted() {
        InlineKey shortKey = new InlineKey(new byte[10], null, null);
        assertThatThrownBy(() -> new CryptoAttribute(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, List.of(shortKey), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        InlineKey key = new InlineKey(new byte[30], null, null);
        assertThatThrownBy(() -> new CryptoAttribute(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, List.of(key), List.of("a b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CryptoAttribute(1_000_000_000, CryptoSuite.AES_CM_128_HMAC_SHA1_80, List.of(key), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
