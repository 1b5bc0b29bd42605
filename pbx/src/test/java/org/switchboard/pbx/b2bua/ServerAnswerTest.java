package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.pbx.voice.VoiceEvent;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Transport;

/**
 * The caller's dialog while the server answers it ({@link ServerAnswer}): SIP INFO keys,
 * re-INVITEs kept to the codec in use, a late offer answered in the ACK, SRTP on TLS, session
 * timers, the ACK wait and the media timeout, early media undone.
 */
class ServerAnswerTest extends ServerAnsweredCalls {
    @Test
    void aSipInfoKeyReachesTheApplicationAndOtherInfoBodiesAreRefused() throws Exception {
        ScriptedApplication app = ScriptedApplication.hangingUpOn('5');
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        rig.receive(info("text/plain", "hello"), ALICE);
        SipResponse unsupported = rig.responsesTo(ALICE).getLast();
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(String.join(", ", unsupported.headers().all(HeaderNames.ACCEPT)))
                .isEqualTo("application/dtmf-relay, application/dtmf");
        rig.receive(info("application/dtmf-relay", "Signal=X\r\n"), ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(400);

        rig.receive(info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"), ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(200);
        assertThat(app.nextEvent()).isEqualTo(new VoiceEvent.Digit('5'));
        app.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(rig.requestsTo(BOB_DESK, "INFO")).as("nothing goes to the phones that rang").isEmpty();
    }

    @Test
    void aReInviteDuringTheApplicationIsAnsweredKeepingTheCodec() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        rig.receive(alice.inDialog("INVITE", Phones.sdp("192.0.2.11", 4100, "sendrecv")), ALICE);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 0 101");
        rig.receive(alice.ack(), ALICE);
        assertThat(aliceLeg().remotes).contains(new InetSocketAddress("192.0.2.11", 4100));
        assertThat(aliceLeg().channels).as("the application's channel stays").hasSize(1);

        rig.receive(alice.inDialog("INVITE", PCMU_ONLY.replace("RTP/AVP 0", "RTP/AVP 8").replace("0 PCMU", "8 PCMA")),
                ALICE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).as("another codec: refused, the call goes on").isEqualTo(488);
        assertThat(rig.b2bua.liveCount()).isEqualTo(1);

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
    }

    @Test
    void earlyMediaStopsWhenVoicemailAnswersOnTheSameInvite() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 183, "Session Progress", "desk", "sip:102@192.0.2.20:5080",
                Optional.of(Phones.sdp("192.0.2.20", 6000, "sendrecv"))), BOB_DESK);
        SipResponse early = rig.responsesTo(ALICE).getLast();
        assertThat(early.status()).isEqualTo(183);
        assertThat(rig.media.bridges).hasSize(1);

        rig.advance(Duration.ofSeconds(31));

        SipResponse ok = answeredByServer();
        assertThat(ok.to().tag()).isEqualTo(early.to().tag());
        assertThat(ok.bodyText()).contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 0 101");
        assertThat(aliceLeg().terminated()).as("Alice's leg ends in the server: the relayed early media stops").isPresent();
        assertThat(rig.requestsTo(BOB_DESK, "CANCEL")).hasSize(1);
        app.awaitLine();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
    }

    @Test
    void aCallerThatNeverAcksTheServersAnswerIsHungUp() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        dial("102");
        rig.advance(Duration.ofSeconds(31));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(200);
        app.awaitLine();

        rig.advance(Duration.ofSeconds(4));
        assertThat(rig.responsesTo(ALICE).stream().filter(r -> r.status() == 200).count())
                .as("re-sent until the ACK (RFC 3261 §13.3.1.4)").isGreaterThanOrEqualTo(3);
        rig.advance(Duration.ofSeconds(30));

        app.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.NORMAL_TEMPORARY_FAILURE);
    }

    @Test
    void theCallersSilenceEndsTheCallButTheUnusedCalleeSideDoesNot() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        voicemailAfterRingTimeout(app);
        app.awaitLine();
        B2buaRig.FakeEndpoint callee = rig.media.endpoints.get(1);
        callee.onTimeout.onMediaTimeout(timeout(callee));
        assertThat(rig.b2bua.liveCount()).isEqualTo(1);

        aliceLeg().onTimeout.onMediaTimeout(timeout(aliceLeg()));

        app.awaitEnd();
        assertThat(app.nextEvent()).isInstanceOf(VoiceEvent.HungUp.class);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.MEDIA_TIMEOUT);
    }

    @Test
    void aLateOfferGetsTheServersOfferAndTheApplicationStartsWithTheAnswerInTheAck() throws Exception {
        ScriptedApplication menu = ScriptedApplication.hangingUpOn('#');
        apps.services.put("*98", menu);
        SipResponse ok = dial("*98", "");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 9 0 8 101")
                .contains("a=rtpmap:101 telephone-event/8000");
        assertThat(menu.started()).isFalse();
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(PCMU_ONLY.replace("RTP/AVP 0", "RTP/AVP 8 101").replace("0 PCMU", "8 PCMA")
                + "a=rtpmap:101 telephone-event/8000\r\n"), ALICE);

        menu.awaitLine();
        LegAudioConfig config = aliceChannel().config;
        assertThat(config.codec().encodingName()).isEqualTo("PCMA");
        assertThat(config.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(aliceLeg().remotes).contains(new InetSocketAddress("192.0.2.10", 4000));
        rig.receive(info("application/dtmf", "#"), ALICE);
        menu.awaitEnd();
    }

    @Test
    void aLateOfferWhoseAckBringsNoAnswerIsHungUp() {
        apps.services.put("*98", ScriptedApplication.listening());
        SipResponse ok = dial("*98", "");
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.INCOMPATIBLE_DESTINATION);
    }

    @Test
    void aCallerOnTlsOfferingSrtpIsAnsweredWithSrtpAndItsKeysTerminateHere() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        rig.location.removeAll("102");
        String offer = B2buaSrtpTest.sdp("192.0.2.10", 4000, "RTP/SAVP", B2buaSrtpTest.line(7, B2buaSrtpTest.ALICE_KEY));
        rig.receive(alice.invite("102", offer), ALICE, Transport.TLS);
        alice.challengedBy(rig.responsesTo(ALICE).getLast());
        rig.receive(alice.invite("102", offer), ALICE, Transport.TLS);

        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("RTP/SAVP 0 101").contains("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:")
                .doesNotContain(B2buaSrtpTest.ALICE_KEY);
        assertThat(aliceLeg().inbound).isEqualTo(B2buaSrtpTest.keysOf(B2buaSrtpTest.ALICE_KEY));
        assertThat(aliceLeg().outbound).isNotNull();
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE, Transport.TLS);
        app.awaitLine();
        rig.receive(alice.inDialog("BYE", ""), ALICE, Transport.TLS);
        app.awaitEnd();
    }

    @Test
    void aReInviteWithoutSdpGetsTheServersDescriptionAndItsAnswerComesInTheAck() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        SipResponse first = voicemailAfterRingTimeout(app);
        app.awaitLine();

        rig.receive(alice.inDialog("INVITE", ""), ALICE);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).isEqualTo(first.bodyText());
        rig.receive(alice.ack(Phones.sdp("192.0.2.12", 4200, "sendrecv")), ALICE);
        assertThat(aliceLeg().remotes).contains(new InetSocketAddress("192.0.2.12", 4200));
        assertThat(aliceChannel().config.codec().encodingName()).isEqualTo("PCMU");

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
    }

    @Test
    void sessionTimersRunOnACallInAnApplication() throws Exception {
        B2buaRig timed = new B2buaRig(Duration.ofSeconds(90), MusicOnHold.bundled(), apps);
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        Phones.Caller caller = new Phones.Caller(ALICE);
        caller.extraHeaders = "Supported: timer\r\nSession-Expires: 90\r\n";
        timed.receive(caller.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        caller.challengedBy(timed.responsesTo(ALICE).getLast());
        timed.receive(caller.invite("102", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipResponse ok = timed.responsesTo(ALICE).getLast();
        assertThat(ok.status()).as("102 has no phone in this rig: voicemail at once").isEqualTo(200);
        assertThat(ok.header(HeaderNames.SESSION_EXPIRES)).hasValue("90;refresher=uac");
        caller.toTag = ok.to().tag().orElseThrow();
        timed.receive(caller.ack(), ALICE);
        app.awaitLine();

        timed.advance(Duration.ofSeconds(40));
        timed.receive(caller.inDialog("UPDATE", ""), ALICE);
        assertThat(timed.responsesTo(ALICE).getLast().status()).as("a refresh is answered here").isEqualTo(200);
        timed.advance(Duration.ofSeconds(50));
        assertThat(timed.b2bua.liveCount()).isEqualTo(1);
        timed.advance(Duration.ofSeconds(15));

        app.awaitEnd();
        assertThat(timed.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(timed.lastRecord().orElseThrow().cause()).isEqualTo(HangupCause.SESSION_TIMER_EXPIRED);
    }
}
