package org.switchboard.pbx.b2bua;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/** Scripted phones for {@link B2buaRig}: what a caller sends, and how a callee answers. */
final class Phones {
    private Phones() { }

    static String sdp(String ip, int port, String direction) {
        return "v=0\r\no=phone 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=" + direction + "\r\n";
    }

    /** The calling phone: extension 101 at {@code address}. */
    static final class Caller {
        final InetSocketAddress address;
        final String callId = "caller-call-1@192.0.2.10";
        int cseq = 1;
        int branch = 1;
        int nc;
        DigestChallenge challenge;
        String password = "alice-secret-1";
        String toTag;
        String extraHeaders = "";

        Caller(InetSocketAddress address) { this.address = address; }

        String invite(String target, String body) {
            String uri = "sip:" + target + "@" + B2buaRig.DOMAIN;
            String auth = challenge == null ? "" : "Proxy-Authorization: " + DigestCredentials.answer(challenge, "101",
                    password, "INVITE", uri, "c0ffee", ++nc).toHeaderValue() + "\r\n";
            return "INVITE " + uri + " SIP/2.0\r\n"
                    + via() + "Max-Forwards: 70\r\n"
                    + "From: \"Mallory Fake\" <sip:999@" + B2buaRig.DOMAIN + ">;tag=caller-tag\r\n"
                    + "To: <" + uri + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + (cseq++) + " INVITE\r\n"
                    + "Contact: <sip:101@" + host() + ">\r\n"
                    + "P-Asserted-Identity: <sip:999@" + B2buaRig.DOMAIN + ">\r\n"
                    + extraHeaders + auth
                    + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        }

        /** Reads the 407's challenge so the next INVITE carries credentials. */
        void challengedBy(SipResponse r) {
            challenge = DigestChallenge.parse(r.header(HeaderNames.PROXY_AUTHENTICATE).orElseThrow()).orElseThrow();
        }

        /** The ACK for a failure response to the last INVITE: same branch, its CSeq number (RFC 3261 §17.1.1.3). */
        String ackFailure(SipResponse r) {
            String uri = "sip:102@" + B2buaRig.DOMAIN;
            return "ACK " + r.header(HeaderNames.CSEQ).map(c -> uri).orElse(uri) + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + host() + ";branch=z9hG4bK-caller-" + (branch - 1) + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: \"Mallory Fake\" <sip:999@" + B2buaRig.DOMAIN + ">;tag=caller-tag\r\n"
                    + "To: " + r.header(HeaderNames.TO).orElseThrow() + "\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: " + r.cseq().number() + " ACK\r\nContent-Length: 0\r\n\r\n";
        }

        /** An in-dialog request to the server (To carries the server's tag). */
        String inDialog(String method, String body) {
            return method + " sip:127.0.0.5:5060 SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\n"
                    + "From: <sip:101@" + B2buaRig.DOMAIN + ">;tag=caller-tag\r\n"
                    + "To: <sip:102@" + B2buaRig.DOMAIN + ">;tag=" + toTag + "\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + (method.equals("ACK") ? cseq - 1 : cseq++) + " " + method + "\r\n"
                    + "Contact: <sip:101@" + host() + ">\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        }

        /** The ACK for a 2xx: same CSeq number as the INVITE, new branch. */
        String ack() { return ack(""); }

        /** The ACK for a 2xx carrying {@code body}, the answer to an offer in that 2xx. */
        String ack(String body) {
            return "ACK sip:127.0.0.5:5060 SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\n"
                    + "From: <sip:101@" + B2buaRig.DOMAIN + ">;tag=caller-tag\r\n"
                    + "To: <sip:102@" + B2buaRig.DOMAIN + ">;tag=" + toTag + "\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: " + (cseq - 1) + " ACK\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        }

        String cancel() {
            String uri = "sip:102@" + B2buaRig.DOMAIN;
            return "CANCEL " + uri + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + host() + ";branch=z9hG4bK-caller-" + (branch - 1) + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: \"Mallory Fake\" <sip:999@" + B2buaRig.DOMAIN + ">;tag=caller-tag\r\n"
                    + "To: <" + uri + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + (cseq - 1) + " CANCEL\r\n"
                    + "Content-Length: 0\r\n\r\n";
        }

        private String via() {
            return "Via: SIP/2.0/UDP " + host() + ";branch=z9hG4bK-caller-" + (branch++) + "\r\n";
        }

        private String host() { return address.getAddress().getHostAddress() + ":" + address.getPort(); }
    }

    /** The called phone once it answered the server's {@code invite} with tag {@code tag}: its own in-dialog requests. */
    static final class Callee {
        final InetSocketAddress address;
        final SipRequest invite;
        final String tag;
        int cseq = 100;
        int branch = 1;

        Callee(InetSocketAddress address, SipRequest invite, String tag) {
            this.address = address;
            this.invite = invite;
            this.tag = tag;
        }

        /** A request in the dialog: From is the phone (its tag), To the server (the tag of its INVITE's From). */
        String inDialog(String method, String body) {
            return method + " sip:127.0.0.5:5060 SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\n"
                    + "From: <" + invite.toAddress().orElseThrow().uri() + ">;tag=" + tag + "\r\n"
                    + "To: " + invite.header(HeaderNames.FROM).orElseThrow() + "\r\n"
                    + "Call-ID: " + invite.callId() + "\r\n"
                    + "CSeq: " + (method.equals("ACK") ? cseq - 1 : cseq++) + " " + method + "\r\n"
                    + "Contact: <" + invite.uri() + ">\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        }

        /** The ACK for the server's 2xx to this phone's last re-INVITE. */
        String ack() { return inDialog("ACK", ""); }

        private String via() {
            return "Via: SIP/2.0/UDP " + address.getAddress().getHostAddress() + ":" + address.getPort()
                    + ";branch=z9hG4bK-callee-" + (branch++) + "\r\n";
        }
    }

    /** A response of a called phone to the server's INVITE (or re-INVITE), with its tag and Contact. */
    static SipResponse answer(SipRequest request, int status, String reason, String tag, String contact,
                              Optional<String> sdp) {
        SipResponse r = SipResponse.to(request, status, reason, status > 100 ? tag : null);
        if (status > 100 && status < 300) r = r.withHeaders(r.headers().with(HeaderNames.CONTACT, "<" + contact + ">"));
        if (sdp.isPresent()) {
            r = r.withHeaders(r.headers().with(HeaderNames.CONTENT_TYPE, "application/sdp")).withBody(sdp.get().getBytes());
        }
        return r;
    }
}
