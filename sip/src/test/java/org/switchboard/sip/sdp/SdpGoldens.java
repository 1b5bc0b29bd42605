package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The golden SDP bodies under test resources {@code sdp/} (see its README.md). */
final class SdpGoldens {
    private SdpGoldens() { }

    /** Bodies captured from real peers, byte for byte. */
    static final List<String> CAPTURED = List.of(
            "baresip-1.0/offer.sdp", "baresip-1.0/answer.sdp", "baresip-1.0/hold-offer.sdp",
            "baresip-1.0/resume-offer.sdp", "baresip-1.0/srtp-ice-offer.sdp",
            "linphone-5.1/offer.sdp", "linphone-5.1/answer.sdp", "linphone-5.1/hold-offer.sdp",
            "linphone-5.1/resume-offer.sdp", "sipp-3.6/uac-offer.sdp", "sipp-3.6/uas-answer.sdp",
            "capture-offer.sdp");

    /** The sections of RFC 4317 transcribed under {@code rfc4317/}. */
    static final List<String> RFC4317 = List.of("2.1", "2.2", "2.3", "2.4", "2.6", "2.8", "3.1", "3.2", "4.2", "4.3", "5.1", "5.2");

    static byte[] bytes(String path) {
        try (InputStream in = SdpGoldens.class.getResourceAsStream("/sdp/" + path)) {
            assertThat(in).as("test resource sdp/" + path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) { return new String(bytes(path), StandardCharsets.UTF_8); }

    /** A captured body, parsed; fails the test when it does not parse. */
    static SessionDescription captured(String path) { return sdp(text(path)); }

    static SessionDescription sdp(String text) {
        SdpParseResult r = SdpParser.parse(text);
        assertThat(r).as("parse result").isInstanceOf(SdpParseResult.Parsed.class);
        return ((SdpParseResult.Parsed) r).description();
    }

    /** The bodies of one RFC 4317 section by name ({@code Offer}, {@code Answer}, {@code Second-Offer}...), LF line ends. */
    static Map<String, String> rfc4317(String section) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text("rfc4317/" + section + ".txt").split("\n", -1)) {
            if (line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                if (name != null) out.put(name, body.toString().strip() + "\n");
                name = line.substring(1, line.length() - 1);
                body.setLength(0);
            } else if (!line.isEmpty()) {
                body.append(line).append('\n');
            }
        }
        if (name != null) out.put(name, body.toString().strip() + "\n");
        return out;
    }

    static SessionDescription rfc4317(String section, String part) {
        String text = rfc4317(section).get(part);
        assertThat(text).as("RFC 4317 " + section + " " + part).isNotNull();
        return sdp(text);
    }

    static String crlf(String lf) { return lf.replace("\r\n", "\n").replace("\n", "\r\n"); }
}
