package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/** Test messages: a request written as a peer would, parsed; and flows. */
final class Sip {
    private Sip() { }

    static final InetSocketAddress LOCAL = new InetSocketAddress("198.51.100.1", 5060);
    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 5060);

    static Flow flow(Transport t, InetSocketAddress remote) { return new Flow(t, LOCAL, remote); }

    static Flow udp() { return flow(Transport.UDP, PEER); }

    static Flow tcp() { return flow(Transport.TCP, new InetSocketAddress("192.0.2.10", 40123)); }

    /** Request text with the given top Via (sent-protocol included) and Call-ID. */
    static String text(String method, String via, String callId, long cseq) {
        String toTag = method.equals("ACK") ? ";tag=srv" : "";
        return method + " sip:bob@198.51.100.1 SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:alice@192.0.2.10:5060>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static byte[] bytes(String method, String via, String callId) {
        return text(method, via, callId, 1).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String method, String branch) {
        return bytes(method, "SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch, "call-" + branch);
    }

    static SipRequest request(String method, String branch) {
        return parse(bytes(method, branch));
    }

    static SipRequest parse(byte[] b) {
        ParseResult r = SipParser.parse(b);
        if (r instanceof ParseResult.Parsed p && p.message() instanceof SipRequest req) return req;
        throw new AssertionError("test request did not parse: " + r);
    }

    static SipResponse response(SipRequest request, int status) {
        return SipResponse.to(request, status, "Reason", status > 100 ? "b7" : null);
    }

    static byte[] toBytes(SipResponse response) { return response.toBytes(); }
}
