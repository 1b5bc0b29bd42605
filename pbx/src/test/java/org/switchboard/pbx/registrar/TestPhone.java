package org.switchboard.pbx.registrar;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/** A scripted SIP phone: builds REGISTER requests as a real UA would and answers challenges. */
final class TestPhone {
    final String aor;
    final String authUser;
    final String password;
    final Flow flow;
    String requestUri = "sip:pbx.example.com";
    String callId;
    long cseq = 1;
    DigestChallenge challenge;
    long nc;

    TestPhone(String aor, String authUser, String password, String remoteIp) {
        this.aor = aor;
        this.authUser = authUser;
        this.password = password;
        this.callId = "reg-" + aor + "-" + remoteIp + "@test";
        this.flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress(remoteIp, 5062));
    }

    /** A REGISTER with these extra header lines (e.g. "Contact: <sip:...>", "Expires: 60"); credentials if challenged before. */
    SipRequest request(List<String> headerLines) {
        String auth = challenge == null ? null
                : DigestCredentials.answer(challenge, authUser, password, "REGISTER", requestUri, "c0ffee", ++nc).toHeaderValue();
        return request(headerLines, auth);
    }

    SipRequest request(List<String> headerLines, String authorization) {
        StringBuilder sb = new StringBuilder()
                .append("REGISTER ").append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(flow.remote().getAddress().getHostAddress())
                .append(":5062;branch=z9hG4bK-").append(callId.hashCode()).append('-').append(cseq).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:").append(aor).append("@pbx.example.com>;tag=ft").append(aor).append("\r\n")
                .append("To: <sip:").append(aor).append("@pbx.example.com>\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq++).append(" REGISTER\r\n")
                .append("User-Agent: TestPhone/1.0\r\n");
        for (String line : headerLines) sb.append(line).append("\r\n");
        if (authorization != null) sb.append("Authorization: ").append(authorization).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        ParseResult r = SipParser.parse(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (!(r instanceof ParseResult.Parsed p)) throw new AssertionError("test request did not parse: " + r);
        return (SipRequest) p.message();
    }

    /** Sends one request and returns the response; remembers a challenge for the next request. */
    SipResponse send(Registrar registrar, SipRequest request, Instant now) {
        RegistrarOutcome outcome = registrar.handle(request, flow, now);
        if (!(outcome instanceof RegistrarOutcome.Reply(SipResponse response))) throw new AssertionError("dropped");
        if (response.status() == 401) {
            challenge = DigestChallenge.parse(response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElseThrow()).orElseThrow();
            nc = 0;
        }
        return response;
    }

    /** REGISTER, answering one challenge if needed, as a phone does. */
    SipResponse register(Registrar registrar, Instant now, String... headerLines) {
        SipResponse r = send(registrar, request(List.of(headerLines)), now);
        if (r.status() != 401) return r;
        return send(registrar, request(List.of(headerLines)), now);
    }
}
