package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeout;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Calls the server answers itself ({@link ServerAnswer}) on a {@link B2buaRig} whose applications
 * are {@link TestApplications}: Alice (101) calls, Bob (102) has a desk phone and a mobile.
 * Scripted phones on a virtual clock; the applications run on their real threads.
 */
abstract class ServerAnsweredCalls {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);
    static final InetSocketAddress BOB_DESK = new InetSocketAddress("192.0.2.20", 5080);
    static final InetSocketAddress BOB_MOBILE = new InetSocketAddress("192.0.2.21", 5090);
    static final String PCMU_ONLY = "v=0\r\no=phone 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

    final TestApplications apps = new TestApplications();
    final B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800), MusicOnHold.bundled(), apps);
    final Phones.Caller alice = new Phones.Caller(ALICE);

    ServerAnsweredCalls() {
        rig.register("102", "sip:102@192.0.2.20:5080", BOB_DESK);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_MOBILE);
    }

    /** Alice dials {@code target} offering {@code sdp}, past the digest challenge; returns her last response. */
    SipResponse dial(String target, String sdp) {
        rig.receive(alice.invite(target, sdp), ALICE);
        SipResponse challenge = rig.responsesTo(ALICE).getLast();
        assertThat(challenge.status()).isEqualTo(407);
        alice.challengedBy(challenge);
        rig.receive(alice.ackFailure(challenge), ALICE);
        rig.receive(alice.invite(target, sdp), ALICE);
        return rig.responsesTo(ALICE).getLast();
    }

    SipResponse dial(String target) { return dial(target, Phones.sdp("192.0.2.10", 4000, "sendrecv")); }

    SipRequest inviteTo(InetSocketAddress contact) { return rig.requestsTo(contact, "INVITE").getFirst(); }

    void ringing(InetSocketAddress contact, String tag) {
        rig.receive(Phones.answer(inviteTo(contact), 180, "Ringing", tag, "sip:102@" + contact.getHostString(),
                Optional.empty()), contact);
    }

    /** The server's 200 to Alice, ACKed. */
    SipResponse answeredByServer() {
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        return ok;
    }

    /** Alice calls 102, both phones ring, nobody answers for 30 s: voicemail {@code app} takes the call. */
    SipResponse voicemailAfterRingTimeout(ScriptedApplication app) {
        apps.voicemail = app;
        dial("102");
        ringing(BOB_DESK, "desk");
        ringing(BOB_MOBILE, "mob");
        rig.advance(Duration.ofSeconds(31));
        return answeredByServer();
    }

    B2buaRig.FakeEndpoint aliceLeg() { return rig.media.endpoints.get(0); }

    B2buaRig.FakeChannel aliceChannel() { return aliceLeg().terminated().orElseThrow(); }

    CallRecord finalRecord() {
        CallRecord r = rig.lastRecord().orElseThrow();
        assertThat(r.ended()).isTrue();
        return r;
    }

    /** An INFO from Alice in the dialog with {@code type} and {@code body}. */
    String info(String type, String body) {
        return alice.inDialog("INFO", body).replace("Content-Type: application/sdp", "Content-Type: " + type);
    }

    static MediaTimeout timeout(B2buaRig.FakeEndpoint e) {
        return new MediaTimeout(e.legId, Duration.ofSeconds(30), new MediaStats(e.legId, e.ports, 0, 0, 0, 0, 0, 0,
                Optional.empty(), Optional.empty(), false, Optional.empty()));
    }

    static final String G729_ONLY = PCMU_ONLY.replace("RTP/AVP 0", "RTP/AVP 18").replace("0 PCMU/8000", "18 G729/8000");
}
