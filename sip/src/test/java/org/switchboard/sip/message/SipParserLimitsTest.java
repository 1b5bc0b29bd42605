package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each limit of docs/sip-limits.md: its default, what happens at it and just past it. */
class SipParserLimitsTest {

    static final String REGISTER = SipParserTest.REGISTER;
    static final String RESPONSE = "SIP/2.0 200 OK" + REGISTER.substring(REGISTER.indexOf("\r\n"));

    static ParseResult parse(String s) {
        return SipParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    static String withBody(String msg, int size) {
        return msg.replace("Content-Length: 0", "Content-Length: " + size) + "x".repeat(size);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(SipParser.Limits.DEFAULT).isEqualTo(new SipParser.Limits(65_535, 256, 8_192, 100, 4_096));
    }

    @Test
    void messageSizeIsAnswered513ForRequestsAndDiscardedForResponses() {
        int head = REGISTER.length() + 4; // "0" becomes a 5-digit length
        String atLimit = withBody(REGISTER, SipParser.MAX_MESSAGE_BYTES - head);
        assertThat(atLimit.length()).isEqualTo(SipParser.MAX_MESSAGE_BYTES);
        assertThat(parse(atLimit)).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Failed f = (ParseResult.Failed) parse(atLimit + "x");
        assertThat(f.status()).isEqualTo(513);
        assertThat(f.request()).isNotNull();
        assertThat(((ParseResult.Failed) parse(withBody(RESPONSE, 70_000))).status()).isZero();
    }

    @Test
    void headerCountIsLimitedContentLengthNotCounted() {
        int existing = 7; // Via, Max-Forwards, To, From, Call-ID, CSeq, Contact
        String at = REGISTER.replace("Content-Length", "X: 1\r\n".repeat(SipParser.MAX_HEADERS - existing) + "Content-Length");
        assertThat(parse(at)).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Failed f = (ParseResult.Failed) parse(at.replace("Content-Length", "X: 1\r\nContent-Length"));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).isEqualTo("Too Many Headers");
        // list elements count one by one
        String list = REGISTER.replace("Content-Length", "Allow: " + "A,".repeat(SipParser.MAX_HEADERS) + "\r\nContent-Length");
        assertThat(((ParseResult.Failed) parse(list)).reason()).isEqualTo("Too Many Headers");
    }

    @Test
    void headerValueLengthIsLimitedAfterUnfolding() {
        String half = "a".repeat(SipParser.MAX_LINE_LENGTH / 2);
        String at = REGISTER.replace("Content-Length", "Subject: " + half + "\r\n " + half.substring(1) + "\r\nContent-Length");
        assertThat(parse(at)).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Failed f = (ParseResult.Failed) parse(at.replace("\r\n " + half.substring(1), "\r\n " + half));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.reason()).isEqualTo("Header Too Long");
    }

    @Test
    void viaCountIsLimited() {
        String via = "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKx\r\n";
        String at = REGISTER.replace("Max-Forwards", via.repeat(SipParser.MAX_VIAS - 1) + "Max-Forwards");
        assertThat(parse(at)).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Failed f = (ParseResult.Failed) parse(at.replace("Max-Forwards", via + "Max-Forwards"));
        assertThat(f.reason()).isEqualTo("Too Many Via");
        assertThat(f.status()).isEqualTo(400);
    }

    @Test
    void requestUriLengthIsAnswered414() {
        String user = "u".repeat(SipParser.MAX_URI_LENGTH - "sip:@pbx.example.com".length());
        assertThat(parse(REGISTER.replace("sip:pbx.example.com SIP", "sip:" + user + "@pbx.example.com SIP")))
                .isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Failed f = (ParseResult.Failed) parse(REGISTER.replace("sip:pbx.example.com SIP", "sip:u" + user + "@pbx.example.com SIP"));
        assertThat(f.status()).isEqualTo(414);
    }

    @Test
    void limitsCanBeTightenedPerParse() {
        SipParser.Limits tight = new SipParser.Limits(1_000, 8, 200, 2, 64);
        assertThat(SipParser.parse(REGISTER.getBytes(StandardCharsets.UTF_8), tight)).isInstanceOf(ParseResult.Parsed.class);
        String twoMore = REGISTER.replace("Content-Length", "X: 1\r\nY: 2\r\nContent-Length");
        assertThat(SipParser.parse(twoMore.getBytes(StandardCharsets.UTF_8), tight)).isInstanceOf(ParseResult.Failed.class);
        assertThatThrownBy(() -> new SipParser.Limits(10, 8, 200, 2, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
