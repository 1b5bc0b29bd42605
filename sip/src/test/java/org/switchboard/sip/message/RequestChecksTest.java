package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK74bf9\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:bob@example.com>\r\n"
            + "From: <sip:alice@example.com>;tag=9fxced76sl\r\n"
            + "Call-ID: 3848276298220188511@atlanta.example.com\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:alice@192.0.2.1>\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 5\r\n\r\nv=0\r\n";

    static Optional<RequestChecks.Rejection> check(String text, Set<String> supported) {
        return RequestChecks.check((SipRequest) SipParserTest.parsed(text), supported);
    }

    static int status(String text) {
        return check(text, Set.of()).map(RequestChecks.Rejection::status).orElse(0);
    }

    @Test
    void acceptsAnOrdinaryInvite() {
        assertThat(check(INVITE, Set.of())).isEmpty();
    }

    @Test
    void answers420ListingUnsupportedRequireTagsAndIgnoresProxyRequire() {
        String text = INVITE.replace("Contact:", "Require: 100rel, Timer\r\nProxy-Require: foo\r\nContact:");
        RequestChecks.Rejection r = check(text, Set.of("100rel")).orElseThrow();
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.extraHeaders().all(HeaderNames.UNSUPPORTED)).containsExactly("Timer");
        assertThat(check(text, Set.of("100REL", "timer"))).isEmpty();
        SipResponse resp = r.toResponse((SipRequest) SipParserTest.parsed(text), "t");
        assertThat(resp.status()).isEqualTo(420);
        assertThat(resp.header(HeaderNames.UNSUPPORTED)).contains("Timer");
        assertThat(resp.to().tag()).contains("t");
    }

    @Test
    void answers416ForSchemesWeDoNotServe() {
        assertThat(status(INVITE.replace("INVITE sip:bob@example.com", "INVITE tel:+15551234"))).isEqualTo(416);
        RequestChecks.Policy withTel = new RequestChecks.Policy(Set.of(), Set.of("sip", "SIPS", "tel"),
                Set.of("application/sdp"), "application/sdp", true);
        assertThat(RequestChecks.check((SipRequest) SipParserTest.parsed(INVITE.replace("sip:bob@example.com SIP", "tel:+15551234 SIP")),
                withTel)).isEmpty();
    }

    @Test
    void checksMaxForwards() {
        assertThat(status(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 0"))).isEqualTo(483);
        assertThat(status(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 256"))).isEqualTo(400);
        assertThat(status(INVITE.replace("Max-Forwards: 70", "Max-Forwards: seventy"))).isEqualTo(400);
        assertThat(status(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 0070"))).isZero();
        assertThat(status(INVITE.replace("Max-Forwards: 70\r\n", ""))).isZero();
        RequestChecks.Policy endpoint = new RequestChecks.Policy(Set.of(), Set.of("sip"), Set.of("application/sdp"),
                "application/sdp", false);
        assertThat(RequestChecks.check((SipRequest) SipParserTest.parsed(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 0")),
                endpoint)).isEmpty();
    }

    @Test
    void checksBodiesOfOffersAndWhatTheCallerAccepts() {
        assertThat(status(INVITE.replace("application/sdp", "application/unknownformat"))).isEqualTo(415);
        assertThat(status(INVITE.replace("Content-Type: application/sdp\r\n", ""))).isEqualTo(400);
        assertThat(status(INVITE.replace("Content-Type: application/sdp", "Content-Type: Application/SDP; charset=utf-8"))).isZero();
        assertThat(status(INVITE.replace("Contact:", "Accept: text/nobodyKnowsThis\r\nContact:"))).isEqualTo(406);
        assertThat(status(INVITE.replace("Contact:", "Accept: application/*\r\nContact:"))).isZero();
        assertThat(status(INVITE.replace("Contact:", "Accept: application/sdp;q=0, text/plain\r\nContact:"))).isEqualTo(406);
        assertThat(status(INVITE.replace("Contact:", "Accept: application/sdp;q=0.5\r\nContact:"))).isZero();
        String message = INVITE.replace("INVITE", "MESSAGE").replace("application/sdp", "text/plain");
        assertThat(status(message)).isZero();
    }

    @Test
    void refusesRequestUriHeadersBareCookieBranchesAndRegistersWithoutSipAor() {
        assertThat(status(INVITE.replace("sip:bob@example.com SIP", "sip:bob@example.com?Subject=x SIP"))).isEqualTo(400);
        assertThat(status(INVITE.replace("branch=z9hG4bK74bf9", "branch=z9hG4bK"))).isEqualTo(400);
        String register = INVITE.replace("INVITE", "REGISTER").replace("Content-Type: application/sdp\r\n", "")
                .replace("Content-Length: 5\r\n\r\nv=0\r\n", "Content-Length: 0\r\n\r\n");
        assertThat(status(register)).isZero();
        assertThat(status(register.replace("To: <sip:bob@example.com>", "To: <tel:+15551234>"))).isEqualTo(400);
    }

    @Test
    void neverChecksAck() {
        String ack = INVITE.replace("INVITE", "ACK").replace("Max-Forwards: 70", "Max-Forwards: 0");
        assertThat(check(ack, Set.of())).isEmpty();
    }
}
