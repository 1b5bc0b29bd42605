package org.switchboard.pbx.b2bua;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.dsp.TonePlan;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.SipInfoDtmf;
import org.switchboard.media.dtmf.SipInfoDtmfResult;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.sdp.SessionDescription;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * A caller the server answered itself, for a {@link VoiceApplication}: voicemail when the callee
 * did not answer, was busy or had no phone registered, or a service number such as {@code *97}.
 *
 * <p><b>Media.</b> The 200 carries the server's own answer ({@link MediaSession#answerAsServer}:
 * the caller's first codec the server decodes, telephone-event when offered); the caller's
 * endpoint is then TERMINATED with that audio ({@link MediaChannel}), looking for key tones in
 * the audio when no telephone-event was agreed. Whatever was relayed before (a callee's early
 * media) stops: a terminated endpoint relays nothing. A caller whose INVITE had no SDP gets the
 * server's offer in the 200 and answers in its ACK (RFC 3261 §13.2.1); the application starts then.
 *
 * <p><b>The application</b> runs on a virtual thread {@code voice-<call id>} and sees the caller
 * through an {@link AnsweredLine}. It returns {@link VoiceApplication.Ending.HangUp}: BYE to the
 * caller, unless gone; {@link VoiceApplication.Ending.Transfer}: the call rings the number
 * ({@link Call#transfer}) while the caller hears ringback, and goes back to relaying when a phone
 * answers. An exception is logged once (WARN) and the caller gets BYE.
 *
 * <p><b>The caller's dialog</b> (requests the relay would pass to a callee, which there is none):
 * INFO with {@code application/dtmf-relay} or {@code application/dtmf} is a key press (200; 400
 * for a body that says no key; 415 with Accept for other types, RFC 6086 §4.2.2); a re-INVITE or
 * UPDATE is answered here keeping the audio in use ({@link MediaSession#answerLocally}; 488 when
 * the offer drops that codec); a re-INVITE without SDP gets our last description as the offer and
 * its answer comes in the ACK (only the phone's new address is taken from it); MESSAGE gets 405.
 * Session timers, the ACK wait and the media timeout of the caller's leg go on as for any call.
 *
 * <p><b>The end.</b> The caller's BYE, a timer or the media timeout: the line's next event is
 * {@link org.switchboard.pbx.voice.VoiceEvent.HungUp} and the application finishes by itself (a
 * voicemail still saves what was said). A stopping server also interrupts its thread.
 *
 * <p>Used on the call's executor only, except {@link #run}.
 */
final class ServerAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnswer.class);
    /** The ringback a transferred caller hears: Switzerland's 425 Hz, 1 s on, 4 s off (ITU-T E.180). */
    private static final ToneList RINGBACK = TonePlan.forCountry("ch").orElseThrow().ringback();

    /** Why the server answered: its call record disposition and how the live call view shows the answering leg. */
    enum Kind {
        /** Voicemail took a call the callee did not answer. */
        VOICEMAIL(Disposition.VOICEMAIL),
        /** A number the server answers itself ({@code *97}). */
        SERVICE(Disposition.ANSWERED);

        private final Disposition disposition;

        Kind(Disposition disposition) { this.disposition = disposition; }

        Disposition disposition() { return disposition; }
    }

    private final Call call;
    private final Kind kind;
    private final VoiceApplication application;
    private final VoiceCaller caller;
    private AnsweredLine line;
    private MediaChannel channel;
    private Thread thread;
    /** Our 200 offered (late offer, or a re-INVITE without SDP): the caller's answer comes in its ACK. */
    private boolean answerInAck;
    /** That offer was the first (the application starts once it is answered). */
    private boolean firstOffer;
    /** A transferred callee answered: the legs are bridged, nothing is answered here any more. */
    private boolean connected;
    private boolean ended;

    ServerAnswer(Call call, Kind kind, VoiceApplication application, VoiceCaller caller) {
        this.call = call;
        this.kind = kind;
        this.application = application;
        this.caller = caller;
    }

    Kind kind() { return kind; }

    /** How the call record ends: as {@link #kind} says, or ANSWERED once a transfer's phone answered. */
    Disposition disposition() { return connected ? Disposition.ANSWERED : kind.disposition(); }

    /** Whether a transferred callee answered and the legs talk to each other. */
    boolean connected() { return connected; }

    /** Our 200 carried an offer (the caller's INVITE had no SDP): the application waits for the answer in the ACK. */
    void offered() {
        answerInAck = true;
        firstOffer = true;
    }

    /**
     * Terminates the caller's endpoint with the agreed audio and starts the application; false
     * (nothing started) when the server has no settings for that audio.
     */
    boolean start() {
        MediaSession media = call.media();
        Optional<LegAudioConfig> agreed = call.legAudio(Side.CALLER);
        if (agreed.isEmpty()) {
            LOG.info("Call {}: no settings for the caller's audio {}", call.id, media.audio(Side.CALLER).orElse(null));
            return false;
        }
        // without telephone-event the keys come as tones in the audio (a G.711 phone of old)
        LegAudioConfig config = agreed.get().withInbandDtmf(!agreed.get().hasTelephoneEvent());
        Relay listener = new Relay();
        try {
            channel = media.endpoint(Side.CALLER).terminate(config, call.executor, listener);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: cannot terminate the caller's media: {}", call.id, e.toString());
            return false;
        }
        line = new AnsweredLine(caller, channel);
        listener.line = line;
        thread = call.context().voice().start("voice-" + call.id, this::run);
        LOG.debug("Call {}: answered by the server ({}), audio {}", call.id, kind, config.codec());
        return true;
    }

    /** On the application's thread: runs it, then hands its ending to the call's executor. */
    private void run() {
        VoiceApplication.Ending ending;
        try {
            ending = application.run(line);
        } catch (InterruptedException e) {
            ending = VoiceApplication.HANG_UP;
        } catch (RuntimeException | Error e) {
            LOG.warn("Call {}: voice application {} failed, hanging up", call.id, application, e);
            ending = VoiceApplication.HANG_UP;
        }
        VoiceApplication.Ending end = ending == null ? VoiceApplication.HANG_UP : ending;
        try {
            call.executor.execute(() -> finished(end));
        } catch (RuntimeException e) {
            LOG.debug("Call {}: the application ended after the server stopped", call.id);
        }
    }

    /** The application returned: BYE, or put the caller through. */
    private void finished(VoiceApplication.Ending ending) {
        if (ended || call.state() != Call.State.ANSWERED) return;
        switch (ending) {
            case VoiceApplication.Ending.HangUp h -> call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_CLEARING);
            case VoiceApplication.Ending.Transfer t -> call.transfer(t.number());
        }
    }

    /** The call rings a transfer's phones: the caller hears ringback on its channel meanwhile. */
    void ringback() {
        if (channel == null) return;
        try {
            channel.play(new ToneSource(RINGBACK, channel.config().codec().sampleRate()));
        } catch (RuntimeException e) {
            LOG.debug("Call {}: no ringback: {}", call.id, e.toString());
        }
    }

    /**
     * A transferred callee answered: the caller's endpoint goes back to relaying and the legs are
     * bridged (the offer carried the caller's codec and payload types, so the caller needs no
     * re-INVITE), or both legs are transcoded when the callee chose a codec the server added.
     */
    void connect() {
        connected = true;
        if (call.media().transcoded()) {
            call.mediaSettled();
        } else {
            if (channel != null) channel.relay();
            call.media().rebridge();
            call.mediaSettled();
        }
    }

    /** The call ended: the application hears the hang-up; at shutdown its thread is interrupted too. */
    void end(boolean interrupt) {
        ended = true;
        if (line != null) line.hangUp();
        if (interrupt && thread != null) thread.interrupt();
    }

    /** The answering side as {@code switchboard calls} shows it: VOICEMAIL or SERVICE, no phone, no media. */
    LegSnapshot snapshot(String number) {
        return new LegSnapshot(call.id + "-" + kind.name().toLowerCase(Locale.ROOT), number, kind.name(), "", "", 0);
    }

    // ---- the caller's dialog ----------------------------------------------------------------

    /** The caller's ACK for our 2xx; it carries the answer when our 2xx carried an offer. */
    void onAck(SipRequest ack) {
        if (!answerInAck) return;
        answerInAck = false;
        MediaSession media = call.media();
        if (!firstOffer) {
            if (ack.bodyLength() > 0) media.learnAnswer(Side.CALLER, ack.body());
            return;
        }
        firstOffer = false;
        SdpStep step = ack.bodyLength() == 0 ? new SdpStep.Refuse(488, "Not Acceptable Here", null)
                : media.takeAnswerAsServer(Side.CALLER, ack.body());
        if (step instanceof SdpStep.Refuse refuse) {
            LOG.info("Call {}: the caller's answer in its ACK is refused: {} {}", call.id, refuse.status(), refuse.warning());
            call.hangUp(HangupSide.SYSTEM, HangupCause.INCOMPATIBLE_DESTINATION);
            return;
        }
        if (!start()) call.hangUp(HangupSide.SYSTEM, HangupCause.INCOMPATIBLE_DESTINATION);
        call.publish();
    }

    /** INFO (a key press) or MESSAGE from the caller. */
    void onRequest(ServerTransaction tx, SipRequest request) {
        if (!request.isMethod("INFO")) {
            tx.respond(Replies.with(reply(tx, request, 405, "Method Not Allowed"), HeaderNames.ALLOW, Replies.ALLOW));
            return;
        }
        if (request.bodyLength() == 0) {
            tx.respond(reply(tx, request, 200, "OK"));  // a keep-alive INFO (RFC 6086 §4.2.2 allows no body)
            return;
        }
        String type = request.contentType().orElse(null);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/dtmf-relay") && !mediaType.equals("application/dtmf")) {
            tx.respond(Replies.with(reply(tx, request, 415, "Unsupported Media Type"), HeaderNames.ACCEPT,
                    "application/dtmf-relay, application/dtmf"));
            return;
        }
        switch (SipInfoDtmf.parse(type, request.body())) {
            case SipInfoDtmfResult.Parsed p -> {
                tx.respond(reply(tx, request, 200, "OK"));
                if (line != null) line.digit(p.event().digit().symbol());
            }
            case SipInfoDtmfResult.Failed f -> tx.respond(reply(tx, request, 400, f.reason()));
        }
    }

    /**
     * A re-INVITE or UPDATE from the caller (not a bodiless UPDATE, which DialogRelay answers as a
     * session refresh): answered here, keeping the audio the line runs on.
     */
    void onOffer(ServerTransaction tx, SipRequest request, boolean hasSdp) {
        boolean invite = request.isMethod("INVITE");
        if (answerInAck) {
            tx.respond(Replies.with(reply(tx, request, 491, "Request Pending"), HeaderNames.RETRY_AFTER, "1"));
            return;
        }
        MediaSession media = call.media();
        byte[] body;
        if (!hasSdp) {
            // RFC 3261 §14.2: we offer what we have, the caller answers in its ACK
            body = media.lastSent(Side.CALLER);
            answerInAck = body.length > 0;
        } else {
            SessionDescription offer = MediaSession.parse(request.body()).orElse(null);
            if (offer == null) {
                tx.respond(reply(tx, request, 400, "Bad Session Description"));
                return;
            }
            NegotiatedAudio keep = media.audio(Side.CALLER).orElse(null);
            int i = MediaSession.anchoredIndex(offer);
            if (keep == null || i < 0 || !keep.offeredIn(offer.media().get(i))) {
                tx.respond(Replies.with(reply(tx, request, 488, "Not Acceptable Here"), HeaderNames.WARNING,
                        "305 switchboard \"Incompatible media format: this call keeps " + keep + "\""));
                return;
            }
            SdpStep step = media.answerLocally(Side.CALLER, offer, keep);
            if (step instanceof SdpStep.Refuse refuse) {
                tx.respond(Replies.with(reply(tx, request, refuse.status(), refuse.reason()), HeaderNames.WARNING,
                        refuse.warning()));
                return;
            }
            body = ((SdpStep.Forward) step).body();
        }
        SessionTimers timers = call.sessionTimers();
        timers.refreshedBy(Side.CALLER, request);
        LegDialog dialog = call.dialog(Side.CALLER);
        SipResponse ok = Replies.with(reply(tx, request, 200, "OK"), HeaderNames.CONTACT,
                "<" + dialog.dialog().localTarget() + ">");
        ok = Replies.withBody(timers.refreshAnswerHeaders(Side.CALLER, ok), body, Replies.SDP);
        if (invite) {
            dialog.ackWait.send(call, tx, ok, () -> call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE));
        } else {
            tx.respond(ok);
        }
    }

    private SipResponse reply(ServerTransaction tx, SipRequest request, int status, String reason) {
        return Replies.to(request, tx.localTag(), status, reason, call.context().settings().serverHeader());
    }

    /** Hands the channel's events to the line, once it exists (they arrive on the call's executor). */
    private static final class Relay implements LegAudioListener {
        AnsweredLine line;

        @Override
        public void onDigit(DtmfEvent event) {
            if (line != null) line.onDigit(event);
        }

        @Override
        public void onSourceFinished(AudioSource source) {
            if (line != null) line.onSourceFinished(source);
        }
    }
}
