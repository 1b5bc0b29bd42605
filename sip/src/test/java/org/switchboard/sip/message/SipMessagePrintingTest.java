package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipMessagePrintingTest {

    @Test
    void printsCanonicalNamesCrlfAndAContentLengthComputedFromTheBody() {
        SipMessage m = SipParserTest.parsed("OPTIONS sip:a@example.com SIP/2.0\n"
                + "v: SIP/2.0/UDP h;branch=z9hG4bK1\nt: <sip:a@example.com>\nf: <sip:b@example.com>;tag=1\n"
                + "i: abc\nCSeq: 1 OPTIONS\nl: 2\nAllow: INVITE,\n  BYE\n\nhi");
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).isEqualTo("OPTIONS sip:a@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\n"
                + "Call-ID: abc\r\nCSeq: 1 OPTIONS\r\nAllow: INVITE\r\nAllow: BYE\r\nContent-Length: 2\r\n\r\nhi");
    }

    @Test
    void ignoresAContentLengthFieldSomeoneAdded() {
        SipRequest r = new SipRequest("MESSAGE", "sip:a@b", Headers.of(List.of(new HeaderField("Content-Length", "99"))),
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(r.toString()).isEqualTo("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhello");
    }

    @Test
    void handBuiltMessagesRoundTrip() {
        SipRequest invite = new SipRequest("INVITE", "sip:bob@[2001:db8::1]:5070", Headers.of(List.of(
                new HeaderField("Via", new Via("UDP", "192.0.2.1", 5060, Params.empty()).withParam("branch", "z9hG4bKa").toString()),
                new HeaderField("From", NameAddr.of("Älice", SipUriTest.uri("sip:alice@example.com")).withTag("1").toString()),
                new HeaderField("To", NameAddr.of(SipUriTest.uri("sip:bob@example.com")).toString()),
                new HeaderField("Call-ID", "c1@h"),
                new HeaderField("CSeq", new CSeq(1, "INVITE").toString()),
                new HeaderField("Content-Type", "application/sdp"))), "v=0\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SipParser.parse(invite.toBytes())).isEqualTo(new ParseResult.Parsed(invite));
        SipResponse ok = SipResponse.to(invite, 200, "OK", "totag");
        assertThat(ok.to().tag()).contains("totag");
        assertThat(ok.from().tag()).contains("1");
        assertThat(ok.success()).isTrue();
        assertThat(SipParser.parse(ok.toBytes())).isEqualTo(new ParseResult.Parsed(ok));
        assertThat(SipResponse.to(invite, 100, "Trying", "totag").to().tag()).isEmpty();
    }

    @Test
    void startLinesCannotBeBroken() {
        assertThatThrownBy(() -> new SipRequest("IN VITE", "sip:a@b", Headers.empty(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SipRequest("INVITE", "sip:a@b SIP/2.0\r\nX:", Headers.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SipResponse(200, "OK\r\nVia: x", Headers.empty(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SipResponse(99, "x", Headers.empty(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsAnEmptyReasonPhrase() {
        SipResponse r = new SipResponse(100, "", Headers.empty(), null);
        assertThat(r.startLine()).isEqualTo("SIP/2.0 100 ");
        assertThat(r.provisional()).isTrue();
        assertThat(r.isFinal()).isFalse();
    }
}
