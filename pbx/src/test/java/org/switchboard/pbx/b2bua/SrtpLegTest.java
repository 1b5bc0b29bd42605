package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.sip.sdp.Attribute;
import org.switchboard.sip.sdp.CryptoAttribute;
import org.switchboard.sip.sdp.CryptoSuite;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpProfile;

class SrtpLegTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    static MediaDescription audio(String proto, String... crypto) {
        MediaDescription m = MediaDescription.of("audio", 4000, proto, List.of("0"));
        return m.withAttributes(java.util.Arrays.stream(crypto).map(c -> Attribute.of("crypto", c)).toList());
    }

    static SrtpLeg agreed(SrtpLeg.Decision d) {
        assertThat(d).isInstanceOf(SrtpLeg.Decision.Agreed.class);
        return ((SrtpLeg.Decision.Agreed) d).leg();
    }

    static String refused(SrtpLeg.Decision d) {
        assertThat(d).isInstanceOf(SrtpLeg.Decision.Refused.class);
        return ((SrtpLeg.Decision.Refused) d).warning();
    }

    final SrtpLeg optional = SrtpLeg.of(SrtpPolicy.OPTIONAL, "101");

    @Test
    void takesTheFirstLineItCanHonourInTheOfferersOrder() {
        SrtpLeg leg = agreed(optional.takeOffer(audio("RTP/SAVP",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTP",
                "2 F8_128_HMAC_SHA1_80 inline:" + KEY,
                "3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=20",
                "4 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + " KDR=0",
                "5 AES_CM_128_HMAC_SHA1_80 inline:" + KEY), true, RANDOM));
        assertThat(leg.remote().tag()).isEqualTo(4);
        assertThat(leg.local().tag()).isEqualTo(4);
        assertThat(leg.local().suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(leg.local().key()).isNotEqualTo(leg.remote().key());
        assertThat(leg.profile()).isEqualTo(RtpProfile.SAVP);
    }

    @Test
    void explainsWhyNoLineWasUsable() {
        assertThat(refused(optional.takeOffer(audio("RTP/SAVP", "1 F8_128_HMAC_SHA1_80 inline:" + KEY), true, RANDOM)))
                .isEqualTo("399 switchboard \"no usable a=crypto line (unsupported crypto suite)\"");
        assertThat(refused(optional.takeOffer(audio("RTP/SAVPF"), true, RANDOM)))
                .isEqualTo("399 switchboard \"no a=crypto line\"");
    }

    @Test
    void keepsItsKeyWhileTheSuiteStaysAndMakesANewOneWhenItChanges() {
        SrtpLeg first = agreed(optional.takeOffer(audio("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY), true,
                RANDOM));
        SrtpLeg same = agreed(first.takeOffer(audio("RTP/SAVP", "9 AES_CM_128_HMAC_SHA1_80 inline:" + KEY), true,
                RANDOM));
        assertThat(same.local().key()).isEqualTo(first.local().key());
        assertThat(same.local().tag()).as("the answer echoes the new tag").isEqualTo(9);
        SrtpLeg other = agreed(first.takeOffer(audio("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY), true,
                RANDOM));
        assertThat(other.local().key()).isNotEqualTo(first.local().key());
    }

    @Test
    void aPlainReOfferTurnsAnOptionalLegPlainButARequiredOneRefusesIt() {
        SrtpLeg encrypted = agreed(optional.takeOffer(audio("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY), true,
                RANDOM));
        assertThat(encrypted.encrypted()).isTrue();
        assertThat(agreed(encrypted.takeOffer(audio("RTP/AVP"), true, RANDOM)).encrypted()).isFalse();
        SrtpLeg required = SrtpLeg.of(SrtpPolicy.REQUIRED, "101");
        assertThat(refused(required.takeOffer(audio("RTP/AVP"), true, RANDOM))).contains("SRTP is required for extension 101");
    }

    @Test
    void offersTwoSuitesOverTlsAndNothingOverUdp() {
        MediaDescription plain = audio("RTP/AVPF");
        SrtpLeg.Offer overTls = optional.offer(plain, true, false, RANDOM);
        assertThat(overTls.media().proto()).isEqualTo("RTP/AVPF");
        assertThat(CryptoAttribute.usable(overTls.media())).extracting(CryptoAttribute::suite)
                .containsExactly(CryptoSuite.AES_CM_128_HMAC_SHA1_80, CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(optional.offer(plain, true, true, RANDOM).media().proto()).isEqualTo("RTP/SAVPF");
        SrtpLeg.Offer overUdp = SrtpLeg.of(SrtpPolicy.REQUIRED, "101").offer(plain, false, true, RANDOM);
        assertThat(overUdp.media().proto()).isEqualTo("RTP/AVPF");
        assertThat(overUdp.media().hasAttribute("crypto")).isFalse();
    }

    @Test
    void anAnswerMustPickOneOfOurLinesByTagAndSuite() {
        SrtpLeg.Offer o = SrtpLeg.of(SrtpPolicy.REQUIRED, "102").offer(audio("RTP/AVP"), true, false, RANDOM);
        assertThat(refused(o.leg().takeAnswer(audio("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY), true)))
                .contains("no a=crypto line matching ours");
        SrtpLeg leg = agreed(o.leg().takeAnswer(audio("RTP/SAVP", "2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY), true));
        assertThat(leg.local()).isEqualTo(CryptoAttribute.usable(o.media()).get(1));
        assertThat(leg.toString()).doesNotContain(KEY).contains("AES_CM_128_HMAC_SHA1_32");
    }
}
