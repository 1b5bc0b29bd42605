package org.switchboard.pbx.mwi;

import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/** A scripted phone that subscribes to a mailbox as desk phones do, answering challenges and NOTIFYs. */
final class Subscriber {
    final InetSocketAddress address;
    final String user;
    final String password;
    final String callId;
    String mailbox;
    String event = "message-summary";
    String extraHeaders = "";
    int cseq = 1;
    int branch = 1;
    int nc;
    DigestChallenge challenge;
    /** The server's To tag, once a 200 created the dialog. */
    String toTag;

    Subscriber(InetSocketAddress address, String user, String password) {
        this.address = address;
        this.user = user;
        this.password = password;
        this.mailbox = user;
        this.callId = "mwi-" + user + "-" + address.getPort() + "@192.0.2.99";
    }

    String uri() { return "sip:" + mailbox + "@" + MwiRig.DOMAIN; }

    String contact() { return "sip:" + user + "@" + host(); }

    /** A SUBSCRIBE outside a dialog (or in it once {@link #toTag} is known) asking for {@code expires} (null: no header). */
    String subscribe(Integer expires) {
        String auth = challenge == null ? "" : "Authorization: " + DigestCredentials.answer(challenge, user, password,
                "SUBSCRIBE", uri(), "c0ffee", ++nc).toHeaderValue() + "\r\n";
        return "SUBSCRIBE " + uri() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host() + ";branch=z9hG4bK-sub-" + (branch++) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + MwiRig.DOMAIN + ">;tag=phone-tag\r\n"
                + "To: <" + uri() + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + (cseq++) + " SUBSCRIBE\r\n"
                + "Contact: <" + contact() + ">\r\n"
                + (event == null ? "" : "Event: " + event + "\r\n")
                + (expires == null ? "" : "Expires: " + expires + "\r\n")
                + extraHeaders + auth
                + "Content-Length: 0\r\n\r\n";
    }

    /** Reads the 401's challenge so the next SUBSCRIBE carries credentials. */
    void challengedBy(SipResponse r) {
        challenge = DigestChallenge.parse(r.header(HeaderNames.WWW_AUTHENTICATE).orElseThrow()).orElseThrow();
    }

    /** The phone's answer to a NOTIFY. */
    static SipResponse answer(SipRequest notify, int status) {
        return SipResponse.to(notify, status, status == 200 ? "OK" : "Call/Transaction Does Not Exist", null);
    }

    /** SUBSCRIBE, challenge, SUBSCRIBE with credentials, as a phone does; returns the last answer. */
    SipResponse subscribeWithCredentials(MwiRig rig, Integer expires) {
        rig.receive(subscribe(expires), address);
        SipResponse first = last(rig);
        if (first.status() != 401) return first;
        challengedBy(first);
        rig.receive(subscribe(expires), address);
        SipResponse r = last(rig);
        if (r.status() == 200) toTag = r.to().tag().orElseThrow();
        return r;
    }

    SipResponse last(MwiRig rig) {
        List<SipResponse> all = rig.responsesTo(address);
        return all.getLast();
    }

    private String host() { return address.getAddress().getHostAddress() + ":" + address.getPort(); }
}
