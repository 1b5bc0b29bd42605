package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every golden body prints back byte for byte: what a B2BUA does not touch, it does not change. */
class SdpRoundTripTest {

    static final java.util.List<String> CAPTURED = SdpGoldens.CAPTURED;
    static final java.util.List<String> RFC4317 = SdpGoldens.RFC4317;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CAPTURED")
    void capturedBodiesPrintBackByteForByte(String path) {
        byte[] original = SdpGoldens.bytes(path);
        SessionDescription parsed = ((SdpParseResult.Parsed) SdpParser.parse(original)).description();
        assertThat(parsed.toBytes()).isEqualTo(original);
        assertThat(SdpParser.parse(parsed.toBytes())).isEqualTo(new SdpParseResult.Parsed(parsed));
    }

    @ParameterizedTest(name = "RFC 4317 section {0}")
    @FieldSource("RFC4317")
    void rfc4317ExamplesPrintBackWithCrlf(String section) {
        for (Map.Entry<String, String> body : SdpGoldens.rfc4317(section).entrySet()) {
            SessionDescription parsed = SdpGoldens.sdp(body.getValue());
            assertThat(parsed.toText()).as(body.getKey()).isEqualTo(SdpGoldens.crlf(body.getValue()));
            assertThat(SdpGoldens.sdp(parsed.toText())).as(body.getKey()).isEqualTo(parsed);
        }
    }
}
