package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {

    static final String REGISTER = "REGISTER sip:pbx.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:201@pbx.example.com>\r\n"
            + "From: \"Alice\" <sip:201@pbx.example.com>;tag=456248\r\n"
            + "Call-ID: 843817637684230@998sdasdh09\r\n"
            + "CSeq: 1826 REGISTER\r\n"
            + "Contact: <sip:201@192.0.2.10:5060>;expires=3600\r\n"
            + "Content-Length: 0\r\n\r\n";

    static ParseResult parse(String text) {
        return SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static SipMessage parsed(String text) {
        ParseResult r = parse(text);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).message();
    }

    static ParseResult.Failed failed(String text) {
        ParseResult r = parse(text);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return (ParseResult.Failed) r;
    }

    @Test
    void parsesAnOrdinaryRegister() {
        SipRequest r = (SipRequest) parsed(REGISTER);
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.sipUri()).get().extracting(SipUri::host).isEqualTo("pbx.example.com");
        assertThat(r.topVia().branch()).contains("z9hG4bK776asdhds");
        assertThat(r.topVia().hasRport()).isTrue();
        assertThat(r.from().tag()).contains("456248");
        assertThat(r.from().displayNameText()).isEqualTo("Alice");
        assertThat(r.cseq()).isEqualTo(new CSeq(1826, "REGISTER"));
        assertThat(r.contacts()).singleElement().satisfies(c -> assertThat(c.param("expires")).contains("3600"));
        assertThat(r.bodyLength()).isZero();
    }

    @Test
    void expandsCompactFormsAndUnfoldsContinuationLines() {
        SipRequest r = (SipRequest) parsed("OPTIONS sip:a@example.com SIP/2.0\r\n"
                + "v: SIP/2.0/UDP h.example.com\r\n ;branch=z9hG4bK1\r\n"
                + "t: <sip:a@example.com>\r\nf: <sip:b@example.com>;tag=1\r\ni: x@y\r\n"
                + "CSeq: 1\r\n\tOPTIONS\r\n"
                + "Subject: first\r\n   second  \r\n\tthird\r\nl: 0\r\n\r\n");
        assertThat(r.headers().fields()).extracting(HeaderField::name)
                .containsExactly("Via", "To", "From", "Call-ID", "CSeq", "Subject");
        assertThat(r.header("Subject")).contains("first second third");
        assertThat(r.topVia().branch()).contains("z9hG4bK1");
        assertThat(r.cseq().method()).isEqualTo("OPTIONS");
    }

    @Test
    void acceptsBareLineFeedsAndPrintsCrlf() {
        SipMessage m = parsed(REGISTER.replace("\r\n", "\n"));
        assertThat(m).isEqualTo(parsed(REGISTER));
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).contains("\r\nCSeq: 1826 REGISTER\r\n").doesNotContain("\n\n");
    }

    @Test
    void ignoresLeadingCrlfAndDiscardsKeepAlives() {
        assertThat(parsed("\r\n\r\n" + REGISTER)).isEqualTo(parsed(REGISTER));
        assertThat(failed("\r\n\r\n").status()).isZero();
        assertThat(failed("").status()).isZero();
    }

    @Test
    void truncatesABodyLongerThanContentLength() {
        SipMessage m = parsed(REGISTER.replace("Content-Length: 0", "Content-Length: 4") + "abcdEXTRA");
        assertThat(new String(m.body(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
    }

    @Test
    void answers400WhenTheBodyIsShorterThanContentLength() {
        ParseResult.Failed f = failed(REGISTER.replace("Content-Length: 0", "Content-Length: 10") + "abc");
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).isEqualTo("Content-Length Exceeds Body");
        assertThat(f.request().callId()).isEqualTo("843817637684230@998sdasdh09");
    }

    @Test
    void takesTheRestOfTheDatagramWithoutContentLength() {
        SipMessage m = parsed(REGISTER.replace("Content-Length: 0\r\n", "") + "v=0\r\n");
        assertThat(m.bodyText()).isEqualTo("v=0\r\n");
    }

    @Test
    void rejectsNonNumericAndRepeatedContentLength() {
        assertThat(failed(REGISTER.replace("Content-Length: 0", "Content-Length: five")).reason()).isEqualTo("Bad Content-Length");
        assertThat(failed(REGISTER.replace("Content-Length: 0", "Content-Length: -1")).reason()).isEqualTo("Bad Content-Length");
        assertThat(failed(REGISTER.replace("Content-Length: 0", "Content-Length: 0\r\nl: 0")).reason()).isEqualTo("Multiple Content-Length");
    }

    @Test
    void dropsContentLengthFromTheHeadersBecauseTheBodyCarriesIt() {
        SipMessage m = parsed(REGISTER);
        assertThat(m.headers().has(HeaderNames.CONTENT_LENGTH)).isFalse();
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).endsWith("\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void replacesInvalidUtf8DeterministicallyWithoutException() {
        byte[] bytes = REGISTER.replace("\"Alice\"", "\"Al?ce\"").getBytes(StandardCharsets.UTF_8);
        int q = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('?');
        bytes[q] = (byte) 0xFF;
        SipMessage first = ((ParseResult.Parsed) SipParser.parse(bytes)).message();
        SipMessage again = ((ParseResult.Parsed) SipParser.parse(bytes)).message();
        assertThat(first).isEqualTo(again);
        assertThat(first.from().displayNameText()).isEqualTo("Al\uFFFDce");
        assertThat(SipParser.parse(first.toBytes())).isEqualTo(new ParseResult.Parsed(first));
    }

    @Test
    void validatesTheStatusLine() {
        String rest = REGISTER.substring(REGISTER.indexOf("\r\n") + 2);
        assertThat(((SipResponse) parsed("SIP/2.0 200 OK\r\n" + rest)).reason()).isEqualTo("OK");
        assertThat(((SipResponse) parsed("SIP/2.0 180\r\n" + rest)).reason()).isEmpty();
        assertThat(((SipResponse) parsed("SIP/2.0 100 \r\n" + rest)).status()).isEqualTo(100);
        for (String bad : new String[] {"SIP/2.0 099 Low", "SIP/2.0 700 High", "SIP/2.0 2000 OK", "SIP/2.0 20 OK",
                "SIP/2.0 2x0 OK", "SIP/3.0 200 OK", "SIP/2.0  200 OK", "SIP/2.0200 OK"}) {
            assertThat(failed(bad + "\r\n" + rest).status()).as(bad).isZero();
        }
    }

    @Test
    void rejectsARequestLineWithExtraOrMissingSpaces() {
        for (String line : new String[] {"REGISTER  sip:pbx.example.com SIP/2.0", "REGISTER sip:pbx.example.com  SIP/2.0",
                "REGISTER sip:pbx.example.com SIP/2.0 ", "REGISTER sip:pbx.example.com", "REGISTER sip:a b SIP/2.0"}) {
            ParseResult.Failed f = failed(line + REGISTER.substring(REGISTER.indexOf("\r\n")));
            assertThat(f.status()).as(line).isEqualTo(400);
            assertThat(f.request()).isNotNull();
        }
        assertThat(failed(" REGISTER sip:pbx.example.com SIP/2.0" + REGISTER.substring(REGISTER.indexOf("\r\n"))).status()).isZero();
    }

    @Test
    void answers505ForAnotherSipVersion() {
        ParseResult.Failed f = failed(REGISTER.replace("SIP/2.0\r\n", "SIP/3.0\r\n"));
        assertThat(f.status()).isEqualTo(505);
        assertThat(failed(REGISTER.replace("SIP/2.0\r\n", "HTTP/1.1\r\n")).status()).isEqualTo(400);
        assertThat(parsed(REGISTER.replace("SIP/2.0\r\n", "sip/2.0\r\n"))).isInstanceOf(SipRequest.class);
    }

    @Test
    void acceptsUnknownMethods() {
        SipRequest r = (SipRequest) parsed(REGISTER.replace("REGISTER", "FROBNICATE"));
        assertThat(r.method()).isEqualTo("FROBNICATE");
    }

    @Test
    void answers400ForCSeqMismatchAnd501WhenTheMethodIsUnknown() {
        assertThat(failed(REGISTER.replace("1826 REGISTER", "1826 INVITE")).status()).isEqualTo(400);
        assertThat(failed(REGISTER.replaceFirst("REGISTER", "FROB")).status()).isEqualTo(501);
    }

    @Test
    void splitsListHeadersOnlyAndNeverInsideQuotesOrBrackets() {
        SipMessage m = parsed(REGISTER.replace("Contact: <sip:201@192.0.2.10:5060>;expires=3600",
                "Contact: \"Doe, John\" <sip:a@example.com>, <sip:b,c@example.com;x=1>\r\n"
                        + "Subject: hello, world\r\nAllow: INVITE, ACK ,BYE\r\nAccept:"));
        assertThat(m.headers().all("Contact")).containsExactly("\"Doe, John\" <sip:a@example.com>", "<sip:b,c@example.com;x=1>");
        assertThat(m.headers().all("Subject")).containsExactly("hello, world");
        assertThat(m.headers().all("Allow")).containsExactly("INVITE", "ACK", "BYE");
        assertThat(m.headers().all("Accept")).containsExactly("");
    }

    @Test
    void rejectsMalformedLines() {
        assertThat(failed(REGISTER.replace("Max-Forwards: 70", "Max-Forwards 70")).reason()).isEqualTo("Bad Header Line");
        assertThat(failed(REGISTER.replace("Max-Forwards: 70", "Max Forwards: 70")).reason()).isEqualTo("Bad Header Name");
        assertThat(failed(REGISTER.replace("Max-Forwards: 70", "Max-Forwards: 7\r0")).reason()).isEqualTo("Bad Line Ending");
        assertThat(failed(REGISTER.replace("\r\nVia:", "\r\n Via:")).reason()).isEqualTo("Bad Folding");
        assertThat(failed(REGISTER.substring(0, REGISTER.length() - 2)).reason()).isEqualTo("Incomplete Header Section");
    }

    @Test
    void discardsWhatCannotBeAnswered() {
        assertThat(failed(REGISTER.replaceAll("Via: [^\r]*\r\n", "")).status()).isZero();
        assertThat(failed("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nl: 0\r\n\r\n").status()).isZero();
        assertThat(failed("\u0001\u0002garbage").status()).isZero();
    }

    @Test
    void parsesIpv6ReferencesInUrisAndVia() {
        SipRequest r = (SipRequest) parsed(REGISTER.replace("sip:pbx.example.com SIP", "sip:[2001:db8::10]:5070 SIP")
                .replace("192.0.2.10:5060;branch", "[2001:db8::9:1];received=[2001:db8::9:255];branch"));
        assertThat(r.sipUri().orElseThrow().hostAddress()).isEqualTo("2001:db8::10");
        assertThat(r.sipUri().orElseThrow().port()).isEqualTo(5070);
        assertThat(r.topVia().host()).isEqualTo("[2001:db8::9:1]");
        assertThat(r.topVia().receivedAddress()).contains("2001:db8::9:255");
        assertThat(failed(REGISTER.replace("sip:pbx.example.com SIP", "sip:2001:db8::10 SIP")).reason()).isEqualTo("Bad Request-URI");
    }

    @Test
    void aFailedRequestCanBeAnsweredWithItsOwnHeaders() {
        ParseResult.Failed f = failed(REGISTER.replace("To: <sip:201@pbx.example.com>", "To: \"broken <sip:201@pbx.example.com>"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).isEqualTo("Bad To");
        SipResponse resp = SipResponse.to(f.request(), f.status(), f.reason(), null);
        assertThat(resp.topVia().branch()).contains("z9hG4bK776asdhds");
        assertThat(resp.cseq().number()).isEqualTo(1826);
    }

    @Test
    void messagesAreImmutableValues() {
        SipMessage m = parsed(REGISTER.replace("Content-Length: 0", "Content-Length: 3") + "abc");
        m.body()[0] = 'X';
        assertThat(m.bodyText()).isEqualTo("abc");
        byte[] body = {'x', 'y'};
        SipRequest r = ((SipRequest) m).withBody(body);
        body[0] = 'Z';
        assertThat(r.bodyText()).isEqualTo("xy");
        assertThat(r.headers().fields()).isUnmodifiable();
    }
}
