package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallIdHashTest {

    private static byte[] msg(String callIdLine) {
        return ("REGISTER sip:x SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\n" + callIdLine
                + "\r\nCSeq: 1 REGISTER\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bytesAndParsedValueAgree() {
        int expected = CallIdHash.of("a84b4c76e66710@pc33.atlanta.com");
        assertThat(CallIdHash.of(msg("Call-ID: a84b4c76e66710@pc33.atlanta.com"))).isEqualTo(expected);
        assertThat(CallIdHash.of(msg("call-id:a84b4c76e66710@pc33.atlanta.com  "))).isEqualTo(expected);
        assertThat(CallIdHash.of(msg("CALL-ID \t:  a84b4c76e66710@pc33.atlanta.com"))).isEqualTo(expected);
        assertThat(CallIdHash.of(msg("i: a84b4c76e66710@pc33.atlanta.com"))).isEqualTo(expected);
    }

    @Test
    void nonAsciiCallIdsAgreeToo() {
        assertThat(CallIdHash.of(msg("Call-ID: caf\u00e9@x"))).isEqualTo(CallIdHash.of("caf\u00e9@x"));
    }

    @Test
    void lookalikeHeadersAndBodiesAreIgnored() {
        byte[] m = ("MESSAGE sip:x SIP/2.0\r\nX-Call-ID: fake\r\nIn-Reply-To: z\r\n\r\nCall-ID: body").getBytes(StandardCharsets.UTF_8);
        assertThat(CallIdHash.of(m)).isZero();
        assertThat(CallIdHash.of(new byte[0])).isZero();
        assertThat(CallIdHash.of("no newline".getBytes(StandardCharsets.UTF_8))).isZero();
    }
}
