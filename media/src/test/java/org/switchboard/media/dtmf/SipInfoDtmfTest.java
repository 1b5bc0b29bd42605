package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipInfoDtmfTest {

    private static SipInfoDtmfResult parse(String contentType, String body) {
        return SipInfoDtmf.parse(contentType, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static SipInfoDtmfResult parsed(DtmfDigit digit, int millis) {
        return new SipInfoDtmfResult.Parsed(new DtmfEvent(digit, millis, DtmfSource.SIP_INFO));
    }

    @Test
    void readsTheDtmfRelayBodyPhonesSend() {
        assertThat(parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")).isEqualTo(parsed(DtmfDigit.FIVE, 160));
    }

    @Test
    void toleratesCaseBlanksLineEndsAndParameters() {
        assertThat(parse("Application/DTMF-Relay; charset=US-ASCII", "signal = 9\nDURATION= 250"))
                .isEqualTo(parsed(DtmfDigit.NINE, 250));
        assertThat(parse("application/dtmf-relay", "  Signal=#  \rDuration=100\r")).isEqualTo(parsed(DtmfDigit.POUND, 100));
        assertThat(parse("application/dtmf-relay", "Signal=d\r\nDuration=80")).isEqualTo(parsed(DtmfDigit.D, 80));
    }

    @Test
    void numericSignalsTenAndElevenAreStarAndPound() {
        assertThat(parse("application/dtmf-relay", "Signal=10\r\nDuration=100")).isEqualTo(parsed(DtmfDigit.STAR, 100));
        assertThat(parse("application/dtmf-relay", "Signal=11\r\nDuration=100")).isEqualTo(parsed(DtmfDigit.POUND, 100));
        assertThat(parse("application/dtmf-relay", "Signal=12\r\nDuration=100")).isEqualTo(parsed(DtmfDigit.A, 100));
    }

    @Test
    void aMissingOrUnusableDurationGetsTheDefault() {
        int fallback = SipInfoDtmf.DEFAULT_DURATION_MILLIS;
        assertThat(parse("application/dtmf-relay", "Signal=1")).isEqualTo(parsed(DtmfDigit.ONE, fallback));
        assertThat(parse("application/dtmf-relay", "Signal=1\r\nDuration=abc")).isEqualTo(parsed(DtmfDigit.ONE, fallback));
        assertThat(parse("application/dtmf-relay", "Signal=1\r\nDuration=-5")).isEqualTo(parsed(DtmfDigit.ONE, fallback));
        assertThat(parse("application/dtmf-relay", "Signal=1\r\nDuration=0")).isEqualTo(parsed(DtmfDigit.ONE, fallback));
        assertThat(parse("application/dtmf-relay", "Signal=1\r\nDuration=999999")).isEqualTo(parsed(DtmfDigit.ONE, fallback));
    }

    @Test
    void readsTheSingleDigitOfApplicationDtmf() {
        assertThat(parse("application/dtmf", "7")).isEqualTo(parsed(DtmfDigit.SEVEN, SipInfoDtmf.DEFAULT_DURATION_MILLIS));
        assertThat(parse("application/dtmf", " *\r\n")).isEqualTo(parsed(DtmfDigit.STAR, SipInfoDtmf.DEFAULT_DURATION_MILLIS));
    }

    @Test
    void badBodiesGiveAReasonNeverAnException() {
        assertThat(parse("application/dtmf-relay", "Duration=160")).isEqualTo(new SipInfoDtmfResult.Failed("dtmf-relay body has no Signal line"));
        assertThat(parse("application/dtmf-relay", "Signal=\r\nDuration=160")).isEqualTo(new SipInfoDtmfResult.Failed("DTMF signal is empty"));
        assertThat(parse("application/dtmf-relay", "Signal=X")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("application/dtmf-relay", "Signal=16")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("application/dtmf-relay", "Signal=12345678901234567890")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("application/dtmf-relay", "garbage without equals")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("application/dtmf", "99")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("application/dtmf", "   ")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(parse("text/plain", "Signal=5")).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(SipInfoDtmf.parse(null, new byte[] {'5'})).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(SipInfoDtmf.parse("application/dtmf", null)).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(SipInfoDtmf.parse("application/dtmf", new byte[0])).isInstanceOf(SipInfoDtmfResult.Failed.class);
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", new byte[] {(byte) 0xFF, (byte) 0xFE, '=', 0}))
                .isInstanceOf(SipInfoDtmfResult.Failed.class);
    }

    @Test
    void reasonsNeverQuoteThePeersBytes() {
        SipInfoDtmfResult result = parse("application/dtmf-relay", "Signal=<script>");

        assertThat(((SipInfoDtmfResult.Failed) result).reason()).doesNotContain("script");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "Signal=5\r\n" + "X=1\r\n".repeat(400);

        assertThat(parse("application/dtmf-relay", huge)).isInstanceOf(SipInfoDtmfResult.Failed.class);
    }
}
