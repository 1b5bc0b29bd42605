package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;
import static org.switchboard.sip.sdp.SdpGoldens.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdpParserTest {

    static final String MINIMAL = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";

    static SdpParseResult.Failed failed(String text) {
        SdpParseResult r = SdpParser.parse(text);
        assertThat(r).isInstanceOf(SdpParseResult.Failed.class);
        return (SdpParseResult.Failed) r;
    }

    @Test
    void readsEveryPartOfBaresipsOffer() {
        SessionDescription s = captured("baresip-1.0/offer.sdp");
        assertThat(s.origin()).isEqualTo(new Origin("-", "2771391614", "1949066531", "IN", "IP4", "127.0.0.1"));
        assertThat(s.sessionName()).isEqualTo("-");
        assertThat(s.connection()).isEqualTo(Connection.of("127.0.0.1"));
        assertThat(s.timing()).isEqualTo(Timing.PERMANENT);
        assertThat(s.attributes()).containsExactly(Attribute.of("tool", "baresip 1.0.0"));
        MediaDescription audio = s.media().getFirst();
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(2490);
        assertThat(audio.proto()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0", "8", "9", "96", "101");
        assertThat(audio.connection()).isNull();
        assertThat(audio.attributes()).extracting(Attribute::name).containsExactly(
                "rtpmap", "rtpmap", "rtpmap", "rtpmap", "fmtp", "rtpmap", "fmtp", "sendrecv", "label",
                "rtcp-rsize", "ssrc", "minptime", "ptime");
        assertThat(audio.attribute("sendrecv")).contains(Attribute.flag("sendrecv"));
        assertThat(audio.attribute("ptime").map(Attribute::value)).contains("20");
        assertThat(audio.attributes("rtpmap")).hasSize(5);
    }

    @Test
    void readsLinphonesIpv6OfferAndSessionLevelAttributes() {
        SessionDescription s = captured("linphone-5.1/offer.sdp");
        assertThat(s.origin().addrType()).isEqualTo("IP6");
        assertThat(s.connection()).isEqualTo(new Connection("IN", "IP6", "fd00::2"));
        assertThat(s.sessionName()).isEqualTo("Talk");
        assertThat(s.attribute("rtcp-xr").map(Attribute::value)).contains("rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics");
        assertThat(s.media().getFirst().attributes("rtcp-fb")).extracting(Attribute::value)
                .containsExactly("* trr-int 5000", "* ccm tmmbr");
    }

    @Test
    void readsSrtpAndIceOfferOfBaresip() {
        SessionDescription s = captured("baresip-1.0/srtp-ice-offer.sdp");
        assertThat(s.attribute("ice-ufrag")).isPresent();
        MediaDescription audio = s.media().getFirst();
        assertThat(audio.proto()).isEqualTo("RTP/SAVP");
        assertThat(audio.connection()).isEqualTo(Connection.of("192.0.2.2"));
        assertThat(s.connection(audio)).contains(Connection.of("192.0.2.2"));
        assertThat(audio.attribute("crypto").map(Attribute::value))
                .contains("1 AES_CM_128_HMAC_SHA1_80 inline:3kcLRODmRUrZa+6WKNRElca5s3VHfZV8ZJET+fpi");
        assertThat(audio.attributes("candidate")).hasSize(2);
        assertThat(audio.attribute("rtcp").map(Attribute::value)).contains("33255 IN IP4 192.0.2.2");
    }

    @Test
    void acceptsBareLineFeedsBlankLinesTrailingSpacesAndWideSpacing() {
        String sloppy = "v=0\n\no=alice  2890844526 2890844526  IN IP4 host.atlanta.example.com \n"
                + "s=\nc=IN  IP4 host.atlanta.example.com\nt=0   0\n"
                + "m=audio  49170 RTP/AVP  0 8\na=sendrecv \t\n\n";
        SessionDescription s = sdp(sloppy);
        assertThat(s).isEqualTo(sdp("v=0\r\no=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\n"
                + "s=\r\nc=IN IP4 host.atlanta.example.com\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8\r\na=sendrecv\r\n"));
        assertThat(s.toText()).doesNotContain("\n\n").contains("\r\nm=audio 49170 RTP/AVP 0 8\r\n");
    }

    @Test
    void keepsTheSpaceOfAnRfc4317SessionName() {
        assertThat(SdpGoldens.rfc4317("2.1", "Offer").sessionName()).isEqualTo(" ");
    }

    @Test
    void readsPortCountsFreeFieldsAndMultipleTimes() {
        SessionDescription s = sdp("v=0\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\ns=Call to John Smith\n"
                + "i=SDP Offer #1\nu=http://www.jdoe.example.com/home.html\ne=Jane Doe <jane@jdoe.example.com>\n"
                + "p=+1 617 555-6011\nc=IN IP4 198.51.100.1\nb=AS:64\nt=0 0\nt=3724394400 3724398000\nr=604800 3600 0 90000\n"
                + "a=recvonly\nm=audio 49170/2 RTP/AVP 0\ni=main audio\nb=TIAS:64000\nm=video 51372 RTP/AVP 99\n"
                + "c=IN IP6 2001:db8::2\na=rtpmap:99 h263-1998/90000\n");
        assertThat(s.fields()).extracting(Field::type).containsExactly('i', 'u', 'e', 'p', 'b', 't', 'r');
        assertThat(s.media().get(0).portCount()).isEqualTo(2);
        assertThat(s.media().get(0).fields()).containsExactly(new Field('i', "main audio"), new Field('b', "TIAS:64000"));
        assertThat(s.media().get(1).connection()).isEqualTo(new Connection("IN", "IP6", "2001:db8::2"));
        assertThat(s.direction(s.media().get(0))).isEqualTo(Direction.RECVONLY);
        assertThat(s.toText()).contains("m=audio 49170/2 RTP/AVP 0\r\ni=main audio\r\nb=TIAS:64000\r\n");
    }

    @Test
    void separatesFlagsFromEmptyValues() {
        SessionDescription s = sdp(MINIMAL + "a=rtcp-mux\r\na=label:\r\n");
        assertThat(s.media().getFirst().attributes()).containsExactly(Attribute.flag("rtcp-mux"), Attribute.of("label", ""));
        assertThat(s.toText()).endsWith("a=rtcp-mux\r\na=label:\r\n");
    }

    @Test
    void acceptsAnRfc4317DescriptionWithoutMedia() {
        assertThat(SdpGoldens.rfc4317("5.1", "Offer").media()).isEmpty();
    }

    @Test
    void decodesBytesThatAreNotUtf8AsReplacementCharacters() {
        byte[] body = MINIMAL.replace("s=-", "s=\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        SdpParseResult r = SdpParser.parse(body);
        assertThat(r).isInstanceOf(SdpParseResult.Parsed.class);
        assertThat(((SdpParseResult.Parsed) r).description().sessionName()).isEqualTo("\ufffd");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty body", 0),
                Arguments.of("\r\n\r\n", "empty body", 0),
                Arguments.of("o=- 1 1 IN IP4 h\r\n", "description does not start with v=", 1),
                Arguments.of(MINIMAL.replace("v=0", "v=1"), "unsupported SDP version", 1),
                Arguments.of(MINIMAL.replace("v=0\r\n", "v=0\r\nv=0\r\n"), "repeated v= line", 2),
                Arguments.of(MINIMAL.replace("o=- 1 1 IN IP4 192.0.2.1\r\n", ""), "missing o= line", 0),
                Arguments.of(MINIMAL.replace("s=-\r\n", ""), "missing s= line", 0),
                Arguments.of(MINIMAL.replace("t=0 0\r\n", ""), "missing t= line", 0),
                Arguments.of(MINIMAL.replace("o=- 1 1 IN IP4 192.0.2.1", "o=- 1 IN IP4 192.0.2.1"), "malformed o= line", 2),
                Arguments.of(MINIMAL.replace("s=-", "o=- 2 2 IN IP4 h\r\ns=-"), "repeated o= line", 3),
                Arguments.of(MINIMAL.replace("s=-", "s=-\r\ns=again"), "repeated s= line", 4),
                Arguments.of(MINIMAL.replace("c=IN IP4 192.0.2.1", "c=IN IP4"), "malformed c= line", 4),
                Arguments.of(MINIMAL.replace("c=IN IP4 192.0.2.1", "c=IN IP4 a\r\nc=IN IP4 b"), "repeated session-level c= line", 5),
                Arguments.of(MINIMAL.replace("c=IN IP4 192.0.2.1\r\n", ""), "no connection address for a media", 0),
                Arguments.of(MINIMAL.replace("t=0 0", "t=now"), "malformed t= line", 5),
                Arguments.of(MINIMAL.replace("t=0 0", "t=-1 0"), "malformed t= line", 5),
                Arguments.of(MINIMAL.replace("m=audio 4000 RTP/AVP 0", "m=audio 70000 RTP/AVP 0"), "malformed port in m= line", 6),
                Arguments.of(MINIMAL.replace("m=audio 4000 RTP/AVP 0", "m=audio 4000/0 RTP/AVP 0"), "malformed port in m= line", 6),
                Arguments.of(MINIMAL.replace("m=audio 4000 RTP/AVP 0", "m=audio x RTP/AVP 0"), "malformed port in m= line", 6),
                Arguments.of(MINIMAL.replace("m=audio 4000 RTP/AVP 0", "m=audio 4000"), "malformed m= line", 6),
                Arguments.of(MINIMAL + "a=:value\r\n", "malformed a= line", 7),
                Arguments.of(MINIMAL + "a=bad name\r\n", "malformed a= line", 7),
                Arguments.of(MINIMAL + "t=0 0\r\n", "session-level line inside a media description", 7),
                Arguments.of(MINIMAL + "x=unknown\r\n", "unknown line type", 7),
                Arguments.of(MINIMAL + "A=sendrecv\r\n", "malformed line", 7),
                Arguments.of(MINIMAL + "a\r\n", "malformed line", 7),
                Arguments.of(MINIMAL + "a = sendrecv\r\n", "malformed line", 7),
                Arguments.of(MINIMAL + "a=x\u0000y\r\n", "control character in line", 7),
                Arguments.of(MINIMAL + "a=x\ry\r\n", "control character in line", 7),
                Arguments.of("<html>not sdp</html>", "malformed line", 1));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void refusesMalformedDescriptionsWithAReasonAndALine(String text, String reason, int line) {
        SdpParseResult.Failed f = failed(text);
        assertThat(f.reason()).isEqualTo(reason);
        assertThat(f.line()).isEqualTo(line);
    }

    @Test
    void neverQuotesThePeerInItsReason() {
        SdpParseResult.Failed f = failed(MINIMAL + "a=evil\u0000Reason: injected\r\n");
        assertThat(f.reason()).doesNotContain("evil").doesNotContain("injected");
        assertThat(f.toString()).isEqualTo("control character in line (line 7)");
    }

    @Test
    void enforcesItsDocumentedLimits() {
        assertThat(SdpParser.parse(new byte[SdpParser.MAX_BYTES + 1])).isEqualTo(new SdpParseResult.Failed("body too large", 0));
        assertThat(failed(MINIMAL + "a=x:" + "y".repeat(SdpParser.MAX_LINE_LENGTH) + "\r\n").reason()).isEqualTo("line too long");
        String longest = "a=x:" + "y".repeat(SdpParser.MAX_LINE_LENGTH - 4);
        assertThat(sdp(MINIMAL + longest + "\r\n").toText()).endsWith(longest + "\r\n");
        assertThat(sdp(MINIMAL + longest + "\n")).isEqualTo(sdp(MINIMAL + longest + "\r\n"));
        assertThat(failed(MINIMAL + longest + "y\n").reason()).isEqualTo("line too long");
        assertThat(failed(MINIMAL.replace("RTP/AVP 0\r\n", "RTP/AVP 0" + " 8".repeat(SdpParser.MAX_FORMATS) + "\r\n")).reason())
                .isEqualTo("too many formats");
        assertThat(failed(MINIMAL + "m=audio 4002 RTP/AVP 0\r\n".repeat(SdpParser.MAX_MEDIA)).reason())
                .isEqualTo("too many media descriptions");
        assertThat(failed(MINIMAL + "a=x\r\n".repeat(SdpParser.MAX_ATTRIBUTES + 1)).reason()).isEqualTo("too many attributes");
        assertThat(failed(MINIMAL + "b=AS:1\r\n".repeat(SdpParser.MAX_FIELDS)).reason()).isEqualTo("too many lines");
        // at the limits everything still parses
        assertThat(sdp(MINIMAL + "m=audio 4002 RTP/AVP 0\r\n".repeat(SdpParser.MAX_MEDIA - 1)).media()).hasSize(SdpParser.MAX_MEDIA);
        assertThat(sdp(MINIMAL + "a=x\r\n".repeat(SdpParser.MAX_ATTRIBUTES)).media().getFirst().attributes())
                .hasSize(SdpParser.MAX_ATTRIBUTES);
    }

    @Test
    void takesTighterLimitsForOneParse() {
        SdpParser.Limits oneStream = new SdpParser.Limits(1_000, 200, 1, 10, 10, 4);
        assertThat(SdpParser.parse(MINIMAL, oneStream)).isInstanceOf(SdpParseResult.Parsed.class);
        assertThat(SdpParser.parse(MINIMAL + "m=video 0 RTP/AVP 31\r\n", oneStream))
                .isEqualTo(new SdpParseResult.Failed("too many media descriptions", 7));
        assertThat(SdpParser.parse(MINIMAL + "a=x\r\n".repeat(1_000), oneStream))
                .isEqualTo(new SdpParseResult.Failed("body too large", 0));
    }

    @Test
    void everyCapturedBodyParses() {
        for (String path : SdpGoldens.CAPTURED) {
            assertThat(SdpParser.parse(SdpGoldens.bytes(path))).as(path).isInstanceOf(SdpParseResult.Parsed.class);
        }
        List<String> parts = List.of("Offer", "Answer");
        for (String section : SdpGoldens.RFC4317) {
            for (String part : parts) assertThat(SdpGoldens.rfc4317(section, part)).isNotNull();
        }
    }
}
