package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voice.VoiceEvent;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Which calls the server answers itself and what becomes of them: voicemail after a ring timeout,
 * busy phones or none registered, service numbers; the application's line hears keys (RFC 4733
 * events through the real media engine, in-band tones) and the hang-up, and its ending is carried
 * out. Without an application every failure stays what it was.
 */
class B2buaVoiceTest extends ServerAnsweredCalls {
    @Test
    void aCallNobodyAnswersIsAnsweredByVoicemailInTheCallersCodecWithTelephoneEvent() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        SipResponse ok = voicemailAfterRingTimeout(app);

        assertThat(apps.asked).containsExactly("unanswered 102 NO_ANSWER");
        assertThat(apps.callers).containsExactly(new VoiceCaller("101", "Alice Martin", "101", "102"));
        assertThat(rig.requestsTo(BOB_DESK, "CANCEL")).hasSize(1);
        assertThat(rig.requestsTo(BOB_MOBILE, "CANCEL")).hasSize(1);
        assertThat(rig.responsesTo(ALICE).stream().map(SipResponse::status)).doesNotContain(480);
        assertThat(ok.to().tag()).as("the same dialog as the 180s").isEqualTo(rig.responsesTo(ALICE).stream()
                .filter(r -> r.status() == 180).findFirst().orElseThrow().to().tag());
        assertThat(ok.bodyText()).contains("c=IN IP4 127.0.0.5").contains("o=switchboard")
                .contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 0 101")
                .contains("a=rtpmap:101 telephone-event/8000").contains("a=sendrecv").doesNotContain("192.0.2.2");

        LegAudioConfig config = aliceChannel().config;
        assertThat(config.codec().encodingName()).isEqualTo("PCMU");
        assertThat(config.payloadType()).isZero();
        assertThat(config.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(config.inbandDtmf()).as("keys come as events").isFalse();
        assertThat(app.awaitLine().sampleRate()).isEqualTo(8000);
        assertThat(app.awaitLine().caller().dialled()).isEqualTo("102");
        assertThat(app.threadName()).startsWith("voice-");
        assertThat(rig.lastRecord()).hasValueSatisfying(r -> {
            assertThat(r.ended()).isFalse();
            assertThat(r.answeredAt()).isEqualTo(r.startedAt().plusSeconds(30));
        });

        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
    }

    @Test
    void aKeyPressedAsRfc4733EventsReachesTheApplicationWhoseHangUpSendsBye() throws Exception {
        ScriptedApplication app = ScriptedApplication.hangingUpOn('#');
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        new PhoneRtp(aliceChannel()).press(DtmfDigit.POUND, 101);

        assertThat(app.nextEvent()).isEqualTo(new VoiceEvent.Digit('#'));
        app.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).singleElement()
                .satisfies(bye -> assertThat(bye.callId()).isEqualTo(alice.callId));
        CallRecord r = finalRecord();
        assertThat(r.disposition()).isEqualTo(Disposition.VOICEMAIL);
        assertThat(r.disposition().label()).isEqualTo("VOICEMAIL");
        assertThat(r.cause()).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(r.hangupSide()).isEqualTo(HangupSide.SYSTEM);
        assertThat(rig.media.allocatedPairs()).isZero();
        assertThat(rig.b2bua.liveCount()).isZero();
    }

    @Test
    void keysInTheAudioAreHeardWhenTheCallerHasNoTelephoneEvent() throws Exception {
        ScriptedApplication app = ScriptedApplication.hangingUpOn('7');
        apps.voicemail = app;
        dial("102", PCMU_ONLY);
        ringing(BOB_DESK, "desk");
        rig.advance(Duration.ofSeconds(31));
        SipResponse ok = answeredByServer();
        assertThat(ok.bodyText()).contains("RTP/AVP 0\r\n").doesNotContain("telephone-event");
        assertThat(aliceChannel().config.inbandDtmf()).isTrue();
        app.awaitLine();

        new PhoneRtp(aliceChannel()).tones(DtmfDigit.SEVEN);

        assertThat(app.nextEvent()).isEqualTo(new VoiceEvent.Digit('7'));
        app.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
    }

    @Test
    void everyPhoneBusyOrDecliningGoesToVoicemailAsBusy() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 486, "Busy Here", "desk", "", Optional.empty()), BOB_DESK);
        assertThat(apps.asked).isEmpty();
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 603, "Decline", "mob", "", Optional.empty()), BOB_MOBILE);

        assertThat(apps.asked).containsExactly("unanswered 102 BUSY");
        assertThat(rig.responsesTo(ALICE).stream().map(SipResponse::status)).doesNotContain(486, 603);
        answeredByServer();
        app.awaitLine();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    @Test
    void phonesFailingOtherwiseGoToVoicemailAsUnavailable() throws Exception {
        apps.voicemail = ScriptedApplication.listening();
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 480, "Temporarily Unavailable", "desk", "", Optional.empty()), BOB_DESK);
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 503, "Service Unavailable", "mob", "", Optional.empty()), BOB_MOBILE);

        assertThat(apps.asked).containsExactly("unanswered 102 UNAVAILABLE");
        answeredByServer();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        ((ScriptedApplication) apps.voicemail).awaitEnd();
    }

    @Test
    void anExtensionWithoutPhonesGoesStraightToVoicemailAsUnavailable() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        apps.voicemail = app;
        rig.location.removeAll("102");

        SipResponse ok = dial("102");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(apps.asked).containsExactly("unanswered 102 UNAVAILABLE");
        assertThat(rig.sent.stream().filter(s -> s.message() instanceof SipRequest r && r.isMethod("INVITE"))).isEmpty();
        answeredByServer();
        app.awaitLine();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
        CallRecord r = finalRecord();
        assertThat(r.disposition()).isEqualTo(Disposition.VOICEMAIL);
        assertThat(r.callee()).isEqualTo("102");
        assertThat(r.answeredAt()).isNotNull();
    }

    @Test
    void theCallersByeIsTheApplicationsHangUpAndNothingFollows() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        rig.receive(alice.inDialog("BYE", ""), ALICE);

        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(200);
        assertThat(app.nextEvent()).isInstanceOf(VoiceEvent.HungUp.class);
        assertThat(app.nextEvent()).as("asked again: HungUp at once").isInstanceOf(VoiceEvent.HungUp.class);
        app.awaitEnd();
        assertThat(app.interrupted).isFalse();
        assertThat(rig.requestsTo(ALICE, "BYE")).isEmpty();
        CallRecord r = finalRecord();
        assertThat(r.hangupSide()).isEqualTo(HangupSide.CALLER);
        assertThat(r.disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    @Test
    void aServiceNumberIsAnsweredByItsApplicationForTheAuthenticatedCaller() throws Exception {
        ScriptedApplication menu = ScriptedApplication.hangingUpOn('#');
        apps.services.put("*97", menu);

        SipResponse ok = dial("*97");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(apps.asked).containsExactly("service *97");
        assertThat(apps.callers).containsExactly(new VoiceCaller("101", "Alice Martin", "101", "*97"));
        answeredByServer();
        assertThat(menu.awaitLine().caller().authenticated()).isEqualTo("101");
        CallSnapshot live = rig.b2bua.liveCalls().snapshot().getFirst();
        assertThat(live.state()).isEqualTo("ANSWERED");
        assertThat(live.legs()).extracting(l -> l.state()).containsExactly("ANSWERED", "SERVICE");
        assertThat(live.legs().get(1).party()).isEqualTo("*97");
        assertThat(live.legs().get(1).rtpPort()).isZero();

        rig.receive(info("application/dtmf", "#"), ALICE);
        menu.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        CallRecord r = finalRecord();
        assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(r.callee()).isEqualTo("*97");
    }

    @Test
    void aCallerAskingForPrivacyReachesVoicemailWithoutNumberOrName() throws Exception {
        alice.extraHeaders = "Privacy: id\r\n";
        rig.location.removeAll("102");
        apps.voicemail = ScriptedApplication.listening();
        dial("102");
        assertThat(apps.callers).containsExactly(new VoiceCaller("", "", "101", "102"));
        answeredByServer();
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        ((ScriptedApplication) apps.voicemail).awaitEnd();
    }

    @Test
    void withoutAServiceANumberThatIsNoExtensionStillGets404() {
        assertThat(dial("*97").status()).isEqualTo(404);
        assertThat(apps.asked).containsExactly("service *97");
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.UNALLOCATED_NUMBER);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void withoutVoicemailBusyPhonesStillGive486() {
        dial("102");
        rig.receive(Phones.answer(inviteTo(BOB_DESK), 486, "Busy Here", "desk", "", Optional.empty()), BOB_DESK);
        rig.receive(Phones.answer(inviteTo(BOB_MOBILE), 486, "Busy Here", "mob", "", Optional.empty()), BOB_MOBILE);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(486);
        assertThat(apps.asked).containsExactly("unanswered 102 BUSY");
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.BUSY);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void withoutVoicemailAnExtensionWithoutPhonesStillGets480() {
        rig.location.removeAll("102");
        assertThat(dial("102").status()).isEqualTo(480);
        assertThat(apps.asked).containsExactly("unanswered 102 UNAVAILABLE");
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.SUBSCRIBER_ABSENT);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void withoutVoicemailTheRingTimeoutStillGives480() {
        dial("102");
        ringing(BOB_DESK, "desk");
        rig.advance(Duration.ofSeconds(31));
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(480);
        assertThat(apps.asked).containsExactly("unanswered 102 NO_ANSWER");
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.NO_ANSWER);
    }

    @Test
    void theCallersCancelWhileRingingGets487AndNoVoicemail() {
        apps.voicemail = ScriptedApplication.listening();
        dial("102");
        ringing(BOB_DESK, "desk");
        rig.receive(alice.cancel(), ALICE);

        assertThat(rig.responsesTo(ALICE).stream().map(SipResponse::status)).contains(487).doesNotContain(480);
        rig.advance(Duration.ofSeconds(40));
        assertThat(apps.asked).isEmpty();
        assertThat(((ScriptedApplication) apps.voicemail).started()).isFalse();
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.CANCELLED);
    }

    @Test
    void aStoppingServerEndsACallInAnApplicationAndItsThread() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        // nobody answers the BYE here: the grace runs out, as with a phone that vanished
        assertThat(rig.b2bua.shutdown(Duration.ofMillis(100))).isEqualTo(1);

        app.awaitEnd();
        assertThat(app.interrupted || app.nextEvent() instanceof VoiceEvent.HungUp)
                .as("the application was interrupted or heard the hang-up").isTrue();
        assertThat(rig.requestsTo(ALICE, "BYE")).singleElement()
                .satisfies(bye -> assertThat(bye.header(HeaderNames.REASON)).isPresent());
        CallRecord r = finalRecord();
        assertThat(r.cause()).isEqualTo(HangupCause.SYSTEM_SHUTDOWN);
        assertThat(r.disposition()).isEqualTo(Disposition.VOICEMAIL);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aFailingApplicationIsLoggedAndTheCallerGetsBye() throws Exception {
        ScriptedApplication app = ScriptedApplication.failingOn('1');
        voicemailAfterRingTimeout(app);
        app.awaitLine();

        rig.receive(info("application/dtmf", "1"), ALICE);

        app.awaitEnd();
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(finalRecord().hangupSide()).isEqualTo(HangupSide.SYSTEM);
    }

    @Test
    void voicemailThatCannotDecodeTheCallersCodecLeavesTheCaller480() {
        apps.voicemail = ScriptedApplication.listening();
        rig.location.removeAll("102");
        assertThat(dial("102", G729_ONLY).status()).isEqualTo(480);
        assertThat(finalRecord().cause()).isEqualTo(HangupCause.SUBSCRIBER_ABSENT);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aServiceThatCannotDecodeTheCallersCodecRefusesWith488() {
        apps.services.put("*97", ScriptedApplication.listening());
        SipResponse refused = dial("*97", G729_ONLY);
        assertThat(refused.status()).isEqualTo(488);
        assertThat(refused.header(HeaderNames.WARNING)).hasValueSatisfying(w -> assertThat(w).startsWith("305"));
        assertThat(finalRecord().disposition()).isEqualTo(Disposition.FAILED);
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void liveCallsShowTheCallerAnsweredAndTheVoicemailLeg() throws Exception {
        ScriptedApplication app = ScriptedApplication.listening();
        voicemailAfterRingTimeout(app);
        List<CallSnapshot> live = rig.b2bua.liveCalls().snapshot();
        assertThat(live).singleElement().satisfies(c -> {
            assertThat(c.answeredAt()).isNotNull();
            assertThat(c.legs()).extracting(l -> l.id().substring(l.id().lastIndexOf('-')), l -> l.state())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("-a", "ANSWERED"),
                            org.assertj.core.groups.Tuple.tuple("-voicemail", "VOICEMAIL"));
            assertThat(c.legs().getFirst().rtpPort()).isEqualTo(aliceLeg().ports().rtp());
            assertThat(c.legs().get(1).media()).isEmpty();
        });
        rig.receive(alice.inDialog("BYE", ""), ALICE);
        app.awaitEnd();
    }
}
