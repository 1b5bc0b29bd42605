package org.switchboard.pbx.b2bua;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.relay.MediaTimeout;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.voice.VoiceApplication;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.TransactionFailure;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * One call between an authenticated caller and the registered contacts of an extension: the
 * caller's INVITE rings every contact at once (forking); the first 2xx wins, the other forks
 * get CANCEL, and a fork answering too late is ACKed and sent BYE. The caller hears 180 (or
 * 183 with early media), then 200 with our anchored SDP; either side's BYE ends both legs.
 * When no contact answers the caller gets the {@link ForkVerdict}; the ring timeout gives 480,
 * unless voicemail takes the call: then the server answers the caller ({@link ServerAnswer}).
 *
 * <p>All methods run on {@link #executor}, the shard of the caller's Call-ID, which also
 * receives every fork's responses. Nothing here blocks.
 */
final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    /** For requests whose answer changes nothing (CANCEL, BYE of a leg that is going). */
    static final ResponseListener IGNORE = new ResponseListener() {
        @Override
        public void onResponse(SipResponse response) { }

        @Override
        public void onFailure(TransactionFailure failure) { }
    };

    enum State { RINGING, ANSWERED, ENDED }

    final String id;
    final Executor executor;
    private final CallContext context;
    private final CallerLeg caller;
    private final CallerIdentity identity;
    private final String callee;
    private final List<CalleeFork> forks = new ArrayList<>();
    private final MediaSession media;
    private final Map<Side, LegDialog> dialogs = new EnumMap<>(Side.class);
    private final DialogRelay relay;
    private final SessionTimers sessionTimers;
    private final Hold hold;
    private final Transcoding transcoding;
    private final RecordingHook recording;
    private State state = State.RINGING;
    private CallRecord record;
    private Scheduler.Handle ringTimer = Scheduler.Handle.NONE;
    private CalleeFork winner;
    private boolean ringingSent;
    private boolean earlyMedia;
    private byte[] offerToCallee;
    private volatile CallSnapshot snapshot;
    /** The server answered the caller itself ({@link ServerAnswer}); null while it did not. */
    private ServerAnswer server;
    /** The number the forks ring: the dialled one, then a transfer's. */
    private String dialling;
    /** The phones an application put the caller through to ({@link #transfer}); null before. */
    private Transfer transfer;

    Call(String id, CallContext context, CallerLeg caller, CallerIdentity identity, String callee, MediaSession media) {
        this.id = id;
        this.context = context;
        this.executor = context.stack().executorFor(caller.invite.callId());
        this.caller = caller;
        this.identity = identity;
        this.callee = callee;
        this.dialling = callee;
        this.media = media;
        this.relay = new DialogRelay(this);
        this.sessionTimers = new SessionTimers(this);
        this.hold = new Hold(this);
        this.transcoding = new Transcoding(this);
        this.recording = new RecordingHook(this);
    }

    CallContext context() { return context; }

    /**
     * The extension number of {@code side}'s party: the authenticated caller, or the dialled
     * extension (a transfer's number once the caller was put through).
     */
    String number(Side side) { return side == Side.CALLER ? identity.number() : dialling; }

    MediaSession media() { return media; }

    State state() { return state; }

    LegDialog dialog(Side side) { return dialogs.get(side); }

    SessionTimers sessionTimers() { return sessionTimers; }

    Hold hold() { return hold; }

    Transcoding transcoding() { return transcoding; }

    /**
     * The settings to terminate {@code side}'s endpoint with, from what its last exchange agreed
     * ({@link NegotiatedAudio#config}); empty before an answer or when the server lacks the codec.
     * Music, transcoding, answering and recording all speak on a leg with these.
     */
    Optional<LegAudioConfig> legAudio(Side side) {
        String leg = media.endpoint(side).legId();
        return media.audio(side).flatMap(a -> a.config(context.codecs(), media.fromPhone(side), leg + "@switchboard"));
    }

    /**
     * An offer/answer exchange completed: the legs follow what was agreed (transcoded or relayed,
     * {@link Transcoding}) and so does the recording ({@link RecordingHook}).
     */
    void mediaSettled() {
        transcoding.sync();
        recording.sync();
    }

    /** How the server answers the caller itself, or null when it did not. */
    ServerAnswer server() { return server; }

    CallSnapshot snapshot() { return snapshot; }

    SipRequest callerInvite() { return caller.invite; }

    /** Starts ringing every contact with the anchored offer for {@code ringTimeout}; the record is written as started. */
    void start(List<Binding> contacts, byte[] offer, java.time.Duration ringTimeout, Instant now) {
        offerToCallee = offer;
        List<CalleeFork> added = addForks(contacts);
        context.table().addLeg(caller.invite.callId(), caller.localTag, new CallTable.LegRef(this, Side.CALLER, null));
        List<String> legs = new ArrayList<>();
        legs.add(caller.legId);
        for (CalleeFork f : forks) legs.add(f.legId);
        record = CallRecord.started(id, identity.number(), identity.name(), callee, now, legs);
        context.records().started(record);
        caller.transaction.respond(Replies.to(caller.invite, null, 100, "Trying", context.settings().serverHeader()));
        ring(added, ringTimeout);
        publish();
    }

    /**
     * Starts a call the server answers at once ({@link ServerAnswer}): a service number, or an
     * extension without a registered phone whose voicemail takes the call. When the caller's offer
     * has no codec the server decodes, the caller gets {@code fallback} (the refusal when null).
     */
    void startAnswered(ServerAnswer.Kind kind, VoiceApplication app, VoiceCaller who, ForkVerdict fallback, Instant now) {
        offerToCallee = caller.invite.body();
        context.table().addLeg(caller.invite.callId(), caller.localTag, new CallTable.LegRef(this, Side.CALLER, null));
        record = CallRecord.started(id, identity.number(), identity.name(), callee, now, List.of(caller.legId));
        context.records().started(record);
        SdpStep.Refuse refused = answerHere(kind, app, who);
        if (refused == null) return;
        endRinging(fallback != null ? fallback : new ForkVerdict(refused.status(), refused.reason(), Disposition.FAILED,
                HangupCause.INCOMPATIBLE_DESTINATION), HangupSide.SYSTEM, fallback != null ? null : refused.warning());
    }

    /** A fork per contact, each with its own Call-ID and tag, found by the table from now on. */
    private List<CalleeFork> addForks(List<Binding> contacts) {
        List<CalleeFork> added = new ArrayList<>();
        for (Binding b : contacts) {
            String callId = context.stack().newCallIdBeside(caller.invite.callId());
            CalleeFork fork = new CalleeFork(this, id + "-b" + (forks.size() + 1), b, callId, context.stack().newTag(),
                    context.settings().contactFor().apply(b.flow()));
            forks.add(fork);
            added.add(fork);
            context.table().addLeg(callId, fork.localTag, new CallTable.LegRef(this, Side.CALLEE, fork));
        }
        return added;
    }

    /** INVITEs every fork of {@code added} with its variant of the offer; they ring for {@code ringTimeout}. */
    private void ring(List<CalleeFork> added, java.time.Duration ringTimeout) {
        for (CalleeFork f : added) {
            f.offer = lateOffer() ? offerToCallee : media.offerBody(Side.CALLEE, f.secure());
            sendInvite(f);
        }
        ringTimer = context.scheduler().schedule(ringTimeout,
                () -> executor.execute(this::onRingTimeout));
    }

    private void sendInvite(CalleeFork fork) {
        B2buaSettings s = context.settings();
        Headers h = Headers.empty()
                .with(HeaderNames.FROM, identity.from(s.domain(), fork.localTag))
                .with(HeaderNames.TO, "<sip:" + dialling + "@" + s.domain() + ">")
                .with(HeaderNames.CALL_ID, fork.callId)
                .with(HeaderNames.CSEQ, "1 INVITE")
                .with(HeaderNames.CONTACT, "<" + fork.contact + ">")
                .with(HeaderNames.ALLOW, Replies.ALLOW)
                .with(HeaderNames.USER_AGENT, s.serverHeader());
        String pai = identity.assertedIdentity(s.domain());
        if (pai != null) h = h.with(HeaderNames.P_ASSERTED_IDENTITY, pai);
        h = sessionTimers.offerHeaders(h);
        if (fork.offer.length > 0) h = h.with(HeaderNames.CONTENT_TYPE, Replies.SDP);
        fork.invite = new SipRequest("INVITE", fork.binding.contactUri(), h, fork.offer);
        Transport transport = fork.binding.flow().transport();
        try {
            fork.transaction = context.stack().sendRequest(fork.invite, transport, fork.binding.flow().remote(), fork);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: INVITE to {} not sent: {}", id, fork.binding.contactUri(), e.toString());
            fork.state = CalleeFork.State.ENDED;
            fork.finalStatus = 503;
        }
    }

    // ---- responses from the contacts -------------------------------------------------------

    void onForkResponse(CalleeFork fork, SipResponse r) {
        if (r.status() == 100) return;
        if (r.provisional()) {
            onForkProvisional(fork, r);
        } else if (r.success()) {
            onFork2xx(fork, r);
        } else {
            onForkFailed(fork, r.status());
        }
    }

    void onForkFailure(CalleeFork fork, TransactionFailure failure) {
        if (fork.state == CalleeFork.State.ANSWERED) return;
        onForkFailed(fork, failure.status());
    }

    private void onForkProvisional(CalleeFork fork, SipResponse r) {
        if (fork.state == CalleeFork.State.CALLING) {
            fork.state = CalleeFork.State.PROCEEDING;
            if (fork.cancelWanted) {
                fork.cancel();
                return;
            }
        }
        if (transferring()) {
            publish();  // the transferred caller hears our ringback, not the phone's early media
            return;
        }
        if (state != State.RINGING || fork.ended()) return;
        if (r.bodyLength() > 0 && !earlyMedia && !lateOffer()) {
            media.signalling(Side.CALLEE, fork.secure());
            if (media.answer(Side.CALLEE, r.body()) instanceof SdpStep.Forward f) {
                earlyMedia = true;
                media.bridge();
                mediaSettled();
                SipResponse early = Replies.withBody(callerResponse(183, "Session Progress"), f.body(), Replies.SDP);
                caller.transaction.respond(early);
                return;
            }
        }
        if (!ringingSent && !earlyMedia) {
            ringingSent = true;
            caller.transaction.respond(callerResponse(180, "Ringing"));
        }
        publish();
    }

    private void onFork2xx(CalleeFork fork, SipResponse r) {
        if (fork.state == CalleeFork.State.ANSWERED) {
            // a retransmission: our ACK was lost (RFC 3261 §13.2.2.4)
            if (fork.ack != null) fork.dialog.sendAck(context.stack(), fork.ack);
            return;
        }
        boolean late = state != State.RINGING && !(transferring() && transfer.rings(fork)) || winner != null;
        fork.state = CalleeFork.State.ANSWERED;
        Dialog d = Dialog.asUac(fork.transaction.request(), r, fork.contact).orElse(null);
        if (d == null) {
            LOG.info("Call {}: 2xx from {} without Contact or To tag, ignored", id, fork.legId);
            onForkFailed(fork, 502);
            return;
        }
        fork.dialog = new LegDialog(Side.CALLEE, fork.legId, d.confirm(r, true), fork.binding.flow().transport(),
                fork.binding.flow().remote());
        if (!lateOffer() || late) {
            // with a late offer the winner's ACK carries the caller's answer: sent when the caller ACKs
            fork.ack = fork.dialog.ack(1, new byte[0], Replies.SDP);
            fork.dialog.sendAck(context.stack(), fork.ack);
        }
        if (late) {
            fork.dialog.send(context.stack(), "BYE", Headers.empty(), new byte[0], "", IGNORE);
            return;
        }
        if (transferring()) transfer.answered(fork, r);
        else answered(fork, r);
    }

    /** The caller's INVITE had no SDP (RFC 3261 §13.2.1): the callee offers in its 2xx, the caller answers in its ACK. */
    private boolean lateOffer() { return offerToCallee.length == 0; }

    private void answered(CalleeFork fork, SipResponse r) {
        media.signalling(Side.CALLEE, fork.secure());
        SdpStep step = r.bodyLength() == 0 ? new SdpStep.Refuse(488, "Not Acceptable Here", null)
                : lateOffer() ? media.offer(Side.CALLEE, r.body()) : media.answer(Side.CALLEE, r.body());
        if (step instanceof SdpStep.Refuse refuse) {
            LOG.info("Call {}: answer of {} refused: {} {}", id, fork.legId, refuse.status(), refuse.reason());
            ackCalleeIfLate(fork);
            fork.dialog.send(context.stack(), "BYE", Headers.empty(), new byte[0], "", IGNORE);
            endRinging(new ForkVerdict(488, "Not Acceptable Here", Disposition.FAILED,
                    HangupCause.INCOMPATIBLE_DESTINATION), HangupSide.SYSTEM, refuse.warning());
            return;
        }
        byte[] answer = ((SdpStep.Forward) step).body();
        state = State.ANSWERED;
        takeWinner(fork, r);
        media.bridge();
        mediaSettled();
        confirmCaller(answer);
        publish();
    }

    /**
     * Our 200 with {@code sdp} to the caller's INVITE: the caller's dialog is confirmed, the 2xx
     * re-sent until its ACK (RFC 3261 §13.3.1.4), the record answered, session timers started.
     */
    private void confirmCaller(byte[] sdp) {
        SipResponse ok = Replies.withBody(callerResponse(200, "OK"), sdp, Replies.SDP);
        ok = sessionTimers.callerAnswerHeaders(ok);
        Dialog d = Dialog.asUas(caller.invite, ok, caller.contact, caller.flow.transport() == Transport.TLS).orElseThrow();
        caller.dialog = new LegDialog(Side.CALLER, caller.legId, d.confirm(ok, false), caller.flow.transport(),
                caller.flow.remote());
        dialogs.put(Side.CALLER, caller.dialog);
        caller.dialog.ackWait.send(this, caller.transaction, ok,
                () -> hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE));
        record = record.answered(context.clock().instant());
        context.records().changed(record);
        sessionTimers.start();
    }

    // ---- the server answers (voicemail, service numbers) and transfers ------------------------

    /**
     * The server answers the caller itself for {@code app} ({@link ServerAnswer}): 200 with the
     * server's SDP on the caller's INVITE (after a 180 or 183 too: the same transaction), every
     * fork still ringing cancelled, early media stopped. Returns the refusal, and changes
     * nothing, when the caller's offer has no codec the server decodes; null once answered.
     */
    private SdpStep.Refuse answerHere(ServerAnswer.Kind kind, VoiceApplication app, VoiceCaller who) {
        boolean late = lateOffer();
        SdpStep step = late ? media.offerAsServer(Side.CALLER) : media.answerAsServer(Side.CALLER, caller.invite.body());
        if (step instanceof SdpStep.Refuse refuse) {
            LOG.info("Call {}: cannot answer for {}: {} {}", id, kind, refuse.status(), refuse.warning());
            return refuse;
        }
        state = State.ANSWERED;
        ringTimer.cancel();
        for (CalleeFork f : forks) if (!f.ended()) f.cancel();
        transcoding.drop();
        media.unbridge();
        server = new ServerAnswer(this, kind, app, who);
        confirmCaller(((SdpStep.Forward) step).body());
        if (late) {
            server.offered();
        } else if (!server.start()) {
            hangUp(HangupSide.SYSTEM, HangupCause.INCOMPATIBLE_DESTINATION);
            return null;
        }
        publish();
        return null;
    }

    /** Ringing ended unanswered ({@code why}): voicemail may take the call, else the caller hears {@code verdict}. */
    private void endUnanswered(ForkVerdict verdict, VoiceApplications.Unanswered why, HangupSide side) {
        if (state != State.RINGING) return;
        VoiceCaller who = identity.voiceCaller(callee);
        Optional<VoiceApplication> app = context.voice().unanswered(callee, why, who);
        if (app.isEmpty() || answerHere(ServerAnswer.Kind.VOICEMAIL, app.get(), who) != null) endRinging(verdict, side);
    }

    /** An application put the caller through to {@code number} ({@link Transfer}). */
    void transfer(String number) {
        if (state != State.ANSWERED || server == null || transfer != null || server.connected()) return;
        transfer = Transfer.start(this, number).orElse(null);
        if (transfer != null) publish();
    }

    /** Whether the phones of a transfer ring now. */
    private boolean transferring() { return transfer != null && transfer.ringing(); }

    /**
     * Rings {@code contacts} of {@code number} with {@code offer} as more forks of this call (a
     * transfer's); they are added to the record's legs.
     */
    List<CalleeFork> ringAlso(String number, List<Binding> contacts, byte[] offer, java.time.Duration ringTimeout) {
        dialling = number;
        offerToCallee = offer;
        List<CalleeFork> added = addForks(contacts);
        List<String> legs = new ArrayList<>(record.legIds());
        for (CalleeFork f : added) legs.add(f.legId);
        record = record.withLegs(legs);
        context.records().changed(record);
        ring(added, ringTimeout);
        return added;
    }

    /** {@code fork} answered first with {@code r}: the callee leg of the call, the other forks cancelled. */
    void takeWinner(CalleeFork fork, SipResponse r) {
        winner = fork;
        ringTimer.cancel();
        for (CalleeFork other : forks) if (other != fork) other.cancel();
        dialogs.put(Side.CALLEE, fork.dialog);
        sessionTimers.calleeAnswered(r);
    }

    /** Where the caller's INVITE came from. */
    Flow callerFlow() { return caller.flow; }

    private void onForkFailed(CalleeFork fork, int status) {
        boolean wasEnded = fork.ended();
        fork.state = CalleeFork.State.ENDED;
        fork.finalStatus = status;
        if (transferring() && transfer.rings(fork)) {
            transfer.failed(status);
            return;
        }
        if (state != State.RINGING || wasEnded && status == 487) return;
        if (status >= 600) {
            ForkVerdict verdict = ForkVerdict.of(List.of(status));
            endUnanswered(verdict, verdict.unanswered(), HangupSide.CALLEE);
            return;
        }
        for (CalleeFork f : forks) if (!f.ended()) return;
        List<Integer> statuses = new ArrayList<>();
        for (CalleeFork f : forks) statuses.add(f.finalStatus);
        ForkVerdict verdict = ForkVerdict.of(statuses);
        endUnanswered(verdict, verdict.unanswered(), HangupSide.CALLEE);
    }

    private void onRingTimeout() {
        if (transferring()) {
            transfer.timedOut();
        } else if (state == State.RINGING) {
            endUnanswered(ForkVerdict.NO_ANSWER, VoiceApplications.Unanswered.NO_ANSWER, HangupSide.SYSTEM);
        }
    }

    /** The caller's CANCEL (the stack has answered it 200). */
    void onCancel() {
        if (state == State.RINGING) {
            endRinging(new ForkVerdict(487, "Request Terminated", Disposition.CANCELLED, HangupCause.ORIGINATOR_CANCEL),
                    HangupSide.CALLER);
        }
    }

    /** A response for the caller's INVITE with our tag and Contact. */
    private SipResponse callerResponse(int status, String reason) {
        SipResponse r = Replies.to(caller.invite, caller.localTag, status, reason, context.settings().serverHeader());
        r = Replies.with(r, HeaderNames.CONTACT, "<" + caller.contact + ">");
        return Replies.with(r, HeaderNames.ALLOW, Replies.ALLOW);
    }

    // ---- the caller's ACK, in-dialog requests ------------------------------------------------

    /** An ACK from the caller (for our 2xx to its INVITE or re-INVITE). */
    void onAck(Side side, SipRequest ack) {
        LegDialog d = dialogs.get(side);
        if (d == null) return;
        d.ackWait.stop();
        if (side == Side.CALLER && winner != null && winner.ack == null && state == State.ANSWERED) {
            // late offer: the caller's answer goes to the callee in our ACK
            SdpStep step = ack.bodyLength() > 0 ? media.answer(Side.CALLER, ack.body())
                    : new SdpStep.Refuse(488, "Not Acceptable Here", null);
            byte[] body = step instanceof SdpStep.Forward f ? f.body() : new byte[0];
            winner.ack = winner.dialog.ack(1, body, Replies.SDP);
            winner.dialog.sendAck(context.stack(), winner.ack);
            if (step instanceof SdpStep.Refuse) hangUp(HangupSide.SYSTEM, HangupCause.INCOMPATIBLE_DESTINATION);
            else mediaSettled();
            return;
        }
        if (side == Side.CALLER && server != null && !server.connected()) {
            server.onAck(ack);
            return;
        }
        relay.onAck(side, ack);
    }

    /** A late-offer winner still waits for its ACK: it gets one (without answer) before a BYE. */
    private void ackCalleeIfLate(CalleeFork fork) {
        if (fork.ack == null && fork.dialog != null) {
            fork.ack = fork.dialog.ack(1, new byte[0], Replies.SDP);
            fork.dialog.sendAck(context.stack(), fork.ack);
        }
    }

    /** A request inside one of this call's dialogs (or early dialogs). */
    void onInDialog(CallTable.LegRef ref, ServerTransaction tx, SipRequest request) {
        relay.onRequest(ref, tx, request);
    }

    /** A fork's BYE before the call was answered (a phone giving up its early dialog). */
    void onForkBye(CalleeFork fork) {
        onForkFailed(fork, 487);
    }

    // ---- ending ------------------------------------------------------------------------------

    /** Ends a ringing call: the caller gets {@code verdict}'s status, every fork still ringing a CANCEL. */
    void endRinging(ForkVerdict verdict, HangupSide side) { endRinging(verdict, side, null); }

    /** As {@link #endRinging(ForkVerdict, HangupSide)}, with a Warning header (RFC 3261 §20.43) when not null. */
    private void endRinging(ForkVerdict verdict, HangupSide side, String warning) {
        if (state != State.RINGING) return;
        state = State.ENDED;
        for (CalleeFork f : forks) if (!f.ended()) f.cancel();
        caller.transaction.respond(Replies.with(callerResponse(verdict.status(), verdict.reason()), HeaderNames.WARNING,
                warning));
        finish(verdict.disposition(), verdict.cause(), side);
    }

    /**
     * Ends the call from {@code side}: an answered call sends BYE to the legs that did not hang up
     * (both for the server's own reasons), a ringing one answers the caller 480 (503 at shutdown)
     * and cancels its forks.
     */
    void hangUp(HangupSide side, HangupCause cause) { hangUp(side, cause, () -> { }); }

    /** As {@link #hangUp(HangupSide, HangupCause)}; {@code done} runs once every BYE got its answer (or failed). */
    void hangUp(HangupSide side, HangupCause cause, Runnable done) {
        switch (state) {
            case RINGING -> {
                endRinging(new ForkVerdict(cause == HangupCause.SYSTEM_SHUTDOWN ? 503 : 480,
                        cause == HangupCause.SYSTEM_SHUTDOWN ? "Service Unavailable" : "Temporarily Unavailable",
                        Disposition.FAILED, cause), side);
                done.run();
            }
            case ANSWERED -> {
                state = State.ENDED;
                if (winner != null) ackCalleeIfLate(winner);
                if (transferring()) transfer.cancel();
                List<LegDialog> byes = new ArrayList<>();
                for (Map.Entry<Side, LegDialog> e : dialogs.entrySet()) {
                    if (side == HangupSide.SYSTEM || e.getKey() != sideOf(side)) byes.add(e.getValue());
                }
                ResponseListener counted = Bye.countDown(byes.size(), done);
                for (LegDialog d : byes) {
                    d.ackWait.stop();
                    d.send(context.stack(), "BYE", Bye.reason(cause), new byte[0], "", counted);
                }
                finish(server == null ? Disposition.ANSWERED : server.disposition(), cause, side);
            }
            case ENDED -> done.run();
        }
    }

    void onMediaTimeout(MediaTimeout timeout) {
        if (state == State.ANSWERED) {
            // answered by the server, only the caller's leg carries media
            if (dialogs.get(Side.CALLEE) == null && !timeout.legId().equals(media.endpoint(Side.CALLER).legId())) return;
            LOG.info("Call {}: no RTP on {}, ending the call", id, timeout);
            hangUp(HangupSide.SYSTEM, HangupCause.MEDIA_TIMEOUT);
        }
    }

    private static Side sideOf(HangupSide side) { return side == HangupSide.CALLER ? Side.CALLER : Side.CALLEE; }

    private void finish(Disposition disposition, HangupCause cause, HangupSide side) {
        state = State.ENDED;
        ringTimer.cancel();
        sessionTimers.stop();
        relay.abort();
        for (LegDialog d : dialogs.values()) d.ackWait.stop();
        hold.end();
        transcoding.end();
        recording.end();
        if (server != null) server.end(cause == HangupCause.SYSTEM_SHUTDOWN);
        media.close();
        context.table().remove(this, caller.transaction);
        context.table().removeLeg(caller.invite.callId(), caller.localTag);
        for (CalleeFork f : forks) context.table().removeLeg(f.callId, f.localTag);
        record = record.completed(context.clock().instant(), disposition, cause, side);
        context.records().changed(record);
        LOG.debug("Call {} {} -> {} ended: {} {} by {}", id, identity.number(), callee, disposition.label(), cause, side);
    }

    /** Publishes the snapshot the CLI reads. */
    void publish() {
        media.describe();
        List<LegSnapshot> legs = new ArrayList<>();
        legs.add(new LegSnapshot(caller.legId, identity.number(), state == State.ANSWERED ? answered(Side.CALLER) : "RINGING",
                caller.flow.transport().name(), caller.flow.remoteText(), media.port(Side.CALLER)));
        if (server != null && !server.connected()) legs.add(server.snapshot(callee));
        for (CalleeFork f : forks) {
            if (f.ended() || f.cancelWanted || (winner != null && f != winner)) continue;
            String s = f == winner ? answered(Side.CALLEE) : f.state == CalleeFork.State.PROCEEDING ? "RINGING" : "CALLING";
            String party = transfer != null && transfer.rings(f) ? dialling : callee;
            legs.add(new LegSnapshot(f.legId, party, s, f.binding.flow().transport().name(),
                    f.binding.flow().remoteText(), media.port(Side.CALLEE)));
        }
        snapshot = new CallSnapshot(id, identity.number(), callee, state.name(), record.startedAt(),
                record.answeredAt(), legs);
    }

    /** An answered leg's state: HOLDING when its phone holds the call, HELD when its party hears music. */
    private String answered(Side side) {
        if (hold.holds(side)) return "HOLDING";
        return hold.hearsMusic(side) ? "HELD" : "ANSWERED";
    }
}
