package org.switchboard.pbx.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.registrar.Registrar;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.AuthFailurePolicy;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.NonceService;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class RequestDispatcherTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("192.0.2.7", 5062));

    final List<SipResponse> sent = new ArrayList<>();
    final RequestDispatcher dispatcher;

    RequestDispatcherTest() {
        Location location = new Location(new org.switchboard.pbx.registrar.BindingRepository() {
            @Override
            public List<org.switchboard.pbx.registrar.Binding> loadAll() { return List.of(); }

            @Override
            public void apply(java.util.Collection<org.switchboard.pbx.registrar.Binding> upserts,
                              java.util.Collection<org.switchboard.pbx.registrar.Binding.Key> removals) { }
        }, InstantSource.fixed(T0));
        Registrar registrar = new Registrar(RegistrarSettings.defaults("pbx.example.com"), location,
                n -> Optional.empty(), new DigestAuthenticator(new NonceService()),
                new AuthFailureGuard(AuthFailurePolicy.DEFAULTS), new SecurityLog(line -> { }));
        dispatcher = new RequestDispatcher(registrar, InstantSource.fixed(T0), "Switchboard");
    }

    @Test
    void optionsIsAnsweredWithWhatWeAllow() {
        SipResponse r = dispatch(request("OPTIONS", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(HeaderNames.ALLOW)).contains(RequestDispatcher.ALLOW);
        assertThat(r.header(HeaderNames.SERVER)).contains("Switchboard");
        assertThat(r.to().tag()).isPresent();
    }

    @Test
    void registerWithoutCredentialsIsChallenged() {
        SipResponse r = dispatch(request("REGISTER", "Contact: <sip:1001@192.0.2.7:5062>\r\n"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().all(HeaderNames.WWW_AUTHENTICATE)).isNotEmpty();
    }

    @Test
    void methodsNotServedYetGet501WithAllow() {
        SipResponse r = dispatch(request("INVITE", ""));
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.header(HeaderNames.ALLOW)).contains(RequestDispatcher.ALLOW);
    }

    @Test
    void withoutMessageWaitingSubscribeIsNotImplemented() {
        SipResponse r = dispatch(request("SUBSCRIBE", "Event: message-summary\r\n"));
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.header(HeaderNames.ALLOW)).hasValue(RequestDispatcher.ALLOW);
        assertThat(r.header(HeaderNames.ALLOW_EVENTS)).isEmpty();
    }

    @Test
    void unknownRequiredExtensionGets420() {
        SipResponse r = dispatch(request("OPTIONS", "Require: foo-bar\r\n"));
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.header(HeaderNames.UNSUPPORTED)).contains("foo-bar");
    }

    private SipResponse dispatch(SipRequest request) {
        dispatcher.onRequest(new RecordingTransaction(request), request);
        assertThat(sent).hasSize(1);
        return sent.getFirst();
    }

    private static SipRequest request(String method, String extra) {
        String text = method + " sip:1001@pbx.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK-disp-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:1001@pbx.example.com>;tag=abc\r\n"
                + "To: <sip:1001@pbx.example.com>\r\n"
                + "Call-ID: disp-1@test\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
        ParseResult r = SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
        return (SipRequest) ((ParseResult.Parsed) r).message();
    }

    private final class RecordingTransaction implements ServerTransaction {
        private final SipRequest request;

        RecordingTransaction(SipRequest request) { this.request = request; }

        @Override
        public SipRequest request() { return request; }

        @Override
        public Flow flow() { return FLOW; }

        @Override
        public boolean isInvite() { return request.isMethod("INVITE"); }

        @Override
        public String localTag() { return "local-tag"; }

        @Override
        public void respond(SipResponse response) { sent.add(response); }

        @Override
        public void abandon() { }
    }
}
