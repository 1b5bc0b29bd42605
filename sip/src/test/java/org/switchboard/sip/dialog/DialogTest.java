package org.switchboard.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

class DialogTest {

    private static SipRequest invite(String extraHeaders) {
        String text = "INVITE sips:bob@pbx.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 192.0.2.10:5061;branch=z9hG4bK1\r\n"
                + extraHeaders
                + "Max-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=alice-tag\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: dlg-1@192.0.2.10\r\n"
                + "CSeq: 7 INVITE\r\n"
                + "Contact: <sip:alice@192.0.2.10:5061;transport=tls>\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) ((ParseResult.Parsed) SipParser.parse(text.getBytes(StandardCharsets.UTF_8))).message();
    }

    private static SipResponse ok(SipRequest request, String contact, String... recordRoutes) {
        SipResponse r = SipResponse.to(request, 200, "OK", "bob-tag");
        Headers h = r.headers().with(HeaderNames.CONTACT, contact);
        for (String rr : recordRoutes) h = h.with(HeaderNames.RECORD_ROUTE, rr);
        return r.withHeaders(h);
    }

    @Test
    void uasDialogTakesRouteSetInOrderAndTargetFromTheRequest() {
        SipRequest inv = invite("Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n");
        SipResponse ok = ok(inv, "<sip:bob@198.51.100.1>");
        Dialog d = Dialog.asUas(inv, ok, "sip:bob@198.51.100.1", true).orElseThrow();

        assertThat(d.id()).isEqualTo(new DialogId("dlg-1@192.0.2.10", "bob-tag", "alice-tag"));
        assertThat(d.id()).isEqualTo(DialogId.ofIncoming(inv.withHeaders(inv.headers()
                .replacing(HeaderNames.TO, "<sip:bob@example.com>;tag=bob-tag"))));
        assertThat(d.routeSet()).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
        assertThat(d.remoteTarget()).isEqualTo("sip:alice@192.0.2.10:5061;transport=tls");
        assertThat(d.remoteSeq()).isEqualTo(7);
        assertThat(d.localSeq()).isZero();
        assertThat(d.secure()).isTrue();
        assertThat(d.early()).isFalse();
    }

    @Test
    void byeWithLooseRoutingKeepsTheTargetAsRequestUriAndRoutesInOrder() {
        SipRequest inv = invite("Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n");
        Dialog d = Dialog.asUas(inv, ok(inv, "<sip:bob@198.51.100.1>"), "sip:bob@198.51.100.1", true).orElseThrow();

        Dialog.Outgoing bye = d.next("BYE", null, null);
        SipRequest r = bye.request();
        assertThat(r.uri()).isEqualTo("sip:alice@192.0.2.10:5061;transport=tls");
        assertThat(r.headers().all(HeaderNames.ROUTE)).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
        assertThat(r.from().tag()).contains("bob-tag");
        assertThat(r.from().uri()).isEqualTo("sip:bob@example.com");
        assertThat(r.to().tag()).contains("alice-tag");
        assertThat(r.to().uri()).isEqualTo("sip:alice@example.com");
        assertThat(r.cseq().toString()).isEqualTo("1 BYE");
        assertThat(r.header(HeaderNames.CONTACT)).isEmpty();
        assertThat(bye.dialog().localSeq()).isEqualTo(1);
        assertThat(bye.dialog().next("INFO", null, null).request().cseq().number()).isEqualTo(2);
        assertThat(d.nextHop().orElseThrow().host()).isEqualTo("p1.example.com");
    }

    @Test
    void strictRouteBecomesTheRequestUriAndTheTargetTheLastRoute() {
        SipRequest inv = invite("Record-Route: <sip:strict.example.com>, <sip:p2.example.com;lr>\r\n");
        Dialog d = Dialog.asUas(inv, ok(inv, "<sip:bob@198.51.100.1>"), "sip:bob@198.51.100.1", false).orElseThrow();

        SipRequest r = d.next("BYE", null, null).request();
        assertThat(r.uri()).isEqualTo("sip:strict.example.com");
        assertThat(r.headers().all(HeaderNames.ROUTE))
                .containsExactly("<sip:p2.example.com;lr>", "<sip:alice@192.0.2.10:5061;transport=tls>");
        assertThat(d.secure()).isFalse();
    }

    @Test
    void uacDialogReversesRecordRouteAndTakesTargetFromTheResponse() {
        SipRequest inv = invite("");
        SipResponse ok = ok(inv, "<sip:bob@198.51.100.1:5070>", "<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>");
        Dialog d = Dialog.asUac(inv, ok, "sip:alice@192.0.2.10:5061").orElseThrow();

        assertThat(d.id()).isEqualTo(new DialogId("dlg-1@192.0.2.10", "alice-tag", "bob-tag"));
        assertThat(d.id()).isEqualTo(DialogId.ofResponse(ok));
        assertThat(d.routeSet()).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
        assertThat(d.remoteTarget()).isEqualTo("sip:bob@198.51.100.1:5070");
        assertThat(d.localSeq()).isEqualTo(7);

        SipRequest reinvite = d.next("INVITE", null, null).request();
        assertThat(reinvite.cseq().number()).isEqualTo(8);
        assertThat(reinvite.header(HeaderNames.CONTACT)).contains("<sip:alice@192.0.2.10:5061>");
        SipRequest ack = d.ack(7, null, null);
        assertThat(ack.cseq().toString()).isEqualTo("7 ACK");
        assertThat(ack.uri()).isEqualTo("sip:bob@198.51.100.1:5070");
    }

    @Test
    void earlyDialogIsConfirmedWithTheRouteSetOfThe2xx() {
        SipRequest inv = invite("");
        SipResponse ringing = SipResponse.to(inv, 180, "Ringing", "bob-tag");
        ringing = ringing.withHeaders(ringing.headers().with(HeaderNames.CONTACT, "<sip:bob@10.0.0.1>"));
        Dialog early = Dialog.asUac(inv, ringing, "sip:alice@192.0.2.10").orElseThrow();
        assertThat(early.early()).isTrue();

        Dialog confirmed = early.confirm(ok(inv, "<sip:bob@198.51.100.9>", "<sip:p.example.com;lr>"), true);
        assertThat(confirmed.early()).isFalse();
        assertThat(confirmed.remoteTarget()).isEqualTo("sip:bob@198.51.100.9");
        assertThat(confirmed.routeSet()).containsExactly("<sip:p.example.com;lr>");
    }

    @Test
    void remoteCSeqMustNotGoBackwardsAndReInviteRefreshesTheTarget() {
        SipRequest inv = invite("");
        Dialog d = Dialog.asUas(inv, ok(inv, "<sip:bob@198.51.100.1>"), "sip:bob@198.51.100.1", true).orElseThrow();

        SipRequest old = inv.withHeaders(inv.headers().replacing(HeaderNames.CSEQ, "6 INVITE"));
        assertThat(d.acceptRemote(old)).isEmpty();
        SipRequest reinvite = inv.withHeaders(inv.headers().replacing(HeaderNames.CSEQ, "8 INVITE")
                .replacing(HeaderNames.CONTACT, "<sip:alice@192.0.2.99>"));
        Dialog after = d.acceptRemote(reinvite).orElseThrow();
        assertThat(after.remoteSeq()).isEqualTo(8);
        assertThat(after.remoteTarget()).isEqualTo("sip:alice@192.0.2.99");
    }

    @Test
    void noDialogWithoutContactOrTag() {
        SipRequest inv = invite("");
        SipRequest noContact = inv.withHeaders(inv.headers().without(HeaderNames.CONTACT));
        assertThat(Dialog.asUas(noContact, ok(inv, "<sip:b@x>"), "sip:b@x", false)).isEmpty();
        SipResponse noTag = SipResponse.to(inv, 200, "OK", null);
        assertThat(Dialog.asUac(inv, noTag, "sip:a@x")).isEmpty();
    }

    @Test
    void ackAndCancelDoNotTakeANewCSeq() {
        SipRequest inv = invite("");
        Dialog d = Dialog.asUas(inv, ok(inv, "<sip:b@x>"), "sip:b@x", false).orElseThrow();
        assertThatThrownBy(() -> d.next("ACK", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
