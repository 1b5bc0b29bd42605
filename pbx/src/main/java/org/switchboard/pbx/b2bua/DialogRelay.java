package org.switchboard.pbx.b2bua;

import java.util.Locale;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.sdp.SessionDescription;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.TransactionFailure;

/**
 * Requests inside an answered call's dialogs: BYE ends the call; re-INVITE and UPDATE (codec
 * change, session refresh) and INFO (DTMF) pass to the other leg, with SDP re-anchored both ways
 * and the media path decided again (relayed, or {@link Transcoding transcoded}), except offers
 * that hold or resume, which the server answers itself ({@link Hold}). One
 * offer/answer exchange runs at a time; a second one meanwhile gets 491 Request Pending
 * (RFC 3261 §14.2, RFC 3311 §5.2). A re-INVITE without SDP is relayed as
 * such: the other phone's offer comes back in its 2xx, the answer in the ACK (§13.2.1).
 * A 481 or 408 from the other leg means its dialog is gone: the call ends (RFC 5057 §5.1).
 * A caller the server answered itself has no other leg: its offers and INFO go to {@link ServerAnswer}.
 */
final class DialogRelay {

    /** An exchange in flight from side {@code from} to the other side. */
    private static final class Exchange {
        final Side from;
        final ServerTransaction tx;
        final SipRequest request;
        final boolean offerInRequest;
        ClientTransaction out;
        /** Late offer: waiting for the ACK from {@code from} that carries the answer. */
        boolean awaitingAnswerInAck;
        long outSeq;

        Exchange(Side from, ServerTransaction tx, SipRequest request, boolean offerInRequest) {
            this.from = from;
            this.tx = tx;
            this.request = request;
            this.offerInRequest = offerInRequest;
        }
    }

    private final Call call;
    private Exchange pending;

    DialogRelay(Call call) {
        this.call = call;
    }

    void onRequest(CallTable.LegRef ref, ServerTransaction tx, SipRequest request) {
        String method = request.method();
        if (method.equals("OPTIONS")) {
            respond(tx, request, 200, "OK", Headers.empty().with(HeaderNames.ALLOW, Replies.ALLOW)
                    .with(HeaderNames.ACCEPT, Replies.SDP));
            return;
        }
        Side from = ref.side();
        LegDialog dialog = call.dialog(from);
        boolean ourLeg = dialog != null && (ref.fork() == null || ref.fork().dialog == dialog);
        if (!ourLeg) {
            // before the answer, or a fork that lost the race
            if (method.equals("BYE")) {
                respond(tx, request, 200, "OK", Headers.empty());
                if (ref.fork() != null) call.onForkBye(ref.fork());
                else call.onCancel();
            } else if (method.equals("INVITE") || method.equals("UPDATE")) {
                respond(tx, request, 491, "Request Pending", Headers.empty().with(HeaderNames.RETRY_AFTER, "1"));
            } else {
                respond(tx, request, 481, "Call/Transaction Does Not Exist", Headers.empty());
            }
            return;
        }
        if (!dialog.accept(request)) {
            respond(tx, request, 500, "CSeq Out of Order", Headers.empty());
            return;
        }
        switch (method) {
            case "BYE" -> {
                respond(tx, request, 200, "OK", Headers.empty());
                call.hangUp(from == Side.CALLER ? HangupSide.CALLER : HangupSide.CALLEE, HangupCause.NORMAL_CLEARING);
            }
            case "INVITE", "UPDATE" -> offerAnswer(from, tx, request);
            case "INFO", "MESSAGE" -> forward(from, tx, request);
            case "PRACK" -> respond(tx, request, 481, "Call/Transaction Does Not Exist", Headers.empty());
            default -> respond(tx, request, 405, "Method Not Allowed", Headers.empty().with(HeaderNames.ALLOW, Replies.ALLOW));
        }
    }

    private void offerAnswer(Side from, ServerTransaction tx, SipRequest request) {
        if (call.state() != Call.State.ANSWERED) {
            respond(tx, request, 481, "Call/Transaction Does Not Exist", Headers.empty());
            return;
        }
        if (pending != null) {
            respond(tx, request, 491, "Request Pending", Headers.empty().with(HeaderNames.RETRY_AFTER, "1"));
            return;
        }
        boolean hasSdp = isSdp(request);
        if (request.isMethod("UPDATE") && !hasSdp) {
            // a session refresh (RFC 4028 §10): answered here, the other leg has its own timer
            call.sessionTimers().refreshedBy(from, request);
            SipResponse ok = Replies.with(reply(tx, request, 200, "OK"), HeaderNames.CONTACT,
                    "<" + contactOf(from) + ">");
            tx.respond(call.sessionTimers().refreshAnswerHeaders(from, ok));
            return;
        }
        if (call.dialog(from.other()) == null && call.server() != null) {
            call.server().onOffer(tx, request, hasSdp);  // the server answered the caller: no one to pass it to
            return;
        }
        if (hasSdp) {
            SessionDescription offer = MediaSession.parse(request.body()).orElse(null);
            if (offer != null && call.hold().answersLocally(from, offer)) {
                answerLocally(from, tx, request, offer);
                return;
            }
        }
        byte[] body = new byte[0];
        if (hasSdp) {
            SdpStep step = call.media().offer(from, request.body());
            if (step instanceof SdpStep.Refuse refuse) {
                SipResponse r = reply(tx, request, refuse.status(), refuse.reason());
                tx.respond(Replies.with(r, HeaderNames.WARNING, refuse.warning()));
                return;
            }
            body = ((SdpStep.Forward) step).body();
        }
        call.sessionTimers().refreshedBy(from, request);
        Exchange x = new Exchange(from, tx, request, hasSdp);
        pending = x;
        LegDialog to = call.dialog(from.other());
        Headers extra = call.sessionTimers().requestHeaders(from.other(), Headers.empty());
        x.out = to.send(call.context().stack(), request.method(), extra, body, Replies.SDP, new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) { onExchangeResponse(x, response); }

            @Override
            public void onFailure(TransactionFailure failure) { onExchangeFailure(x, failure); }
        });
        x.outSeq = to.dialog().localSeq();
    }

    /** A hold, a resume, or an offer while on hold: answered here, nothing goes to the other phone. */
    private void answerLocally(Side from, ServerTransaction tx, SipRequest request, SessionDescription offer) {
        NegotiatedAudio keep = call.media().audio(from).orElseThrow();
        SdpStep step = call.media().answerLocally(from, offer, keep);
        if (step instanceof SdpStep.Refuse refuse) {
            tx.respond(Replies.with(reply(tx, request, refuse.status(), refuse.reason()), HeaderNames.WARNING,
                    refuse.warning()));
            return;
        }
        call.sessionTimers().refreshedBy(from, request);
        SipResponse ok = Replies.with(reply(tx, request, 200, "OK"), HeaderNames.CONTACT, "<" + contactOf(from) + ">");
        ok = call.sessionTimers().refreshAnswerHeaders(from, ok);
        ok = Replies.withBody(ok, ((SdpStep.Forward) step).body(), Replies.SDP);
        if (request.isMethod("INVITE")) {
            call.dialog(from).ackWait.send(call, tx, ok,
                    () -> call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE));
        } else {
            tx.respond(ok);
        }
        call.hold().answered(from, offer);
    }

    private void onExchangeResponse(Exchange x, SipResponse r) {
        if (pending != x || r.provisional()) return;
        LegDialog to = call.dialog(x.from.other());
        LegDialog back = call.dialog(x.from);
        boolean invite = x.request.isMethod("INVITE");
        if (!r.success()) {
            pending = null;
            SipResponse answer = reply(x.tx, x.request, r.status(), r.reason());
            x.tx.respond(r.status() == 491 ? Replies.with(answer, HeaderNames.RETRY_AFTER, "1") : answer);
            if (r.status() == 481 || r.status() == 408) call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE);
            return;
        }
        byte[] body = new byte[0];
        if (r.bodyLength() > 0) {
            SdpStep step = x.offerInRequest ? call.media().answer(x.from.other(), r.body())
                    : call.media().offer(x.from.other(), r.body());
            if (step instanceof SdpStep.Refuse refuse) {
                pending = null;
                if (invite) to.sendAck(call.context().stack(), to.ack(x.outSeq, new byte[0], Replies.SDP));
                x.tx.respond(Replies.with(reply(x.tx, x.request, refuse.status(), refuse.reason()),
                        HeaderNames.WARNING, refuse.warning()));
                return;
            }
            body = ((SdpStep.Forward) step).body();
            call.hold().passedOn();
            call.mediaSettled();
        }
        SipResponse ok = Replies.with(reply(x.tx, x.request, r.status(), r.reason()), HeaderNames.CONTACT,
                "<" + contactOf(x.from) + ">");
        ok = call.sessionTimers().refreshAnswerHeaders(x.from, ok);
        ok = Replies.withBody(ok, body, Replies.SDP);
        if (invite) {
            if (x.offerInRequest || body.length == 0) {
                to.sendAck(call.context().stack(), to.ack(x.outSeq, new byte[0], Replies.SDP));
                pending = null;
            } else {
                x.awaitingAnswerInAck = true;
            }
            back.ackWait.send(call, x.tx, ok, () -> call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE));
        } else {
            pending = null;
            x.tx.respond(ok);
        }
        call.sessionTimers().refreshedBy(x.from.other(), null);
    }

    private void onExchangeFailure(Exchange x, TransactionFailure failure) {
        if (pending != x) return;
        pending = null;
        x.tx.respond(reply(x.tx, x.request, failure.status(), failure.reason()));
        call.hangUp(HangupSide.SYSTEM, HangupCause.NORMAL_TEMPORARY_FAILURE);
    }

    /** The ACK from {@code side} for our 2xx to its re-INVITE; it carries the answer after a late offer. */
    void onAck(Side side, SipRequest ack) {
        Exchange x = pending;
        if (x == null || x.from != side || !x.awaitingAnswerInAck) return;
        pending = null;
        LegDialog to = call.dialog(side.other());
        byte[] body = new byte[0];
        if (ack.bodyLength() > 0 && call.media().answer(side, ack.body()) instanceof SdpStep.Forward f) {
            body = f.body();
            call.mediaSettled();
        }
        to.sendAck(call.context().stack(), to.ack(x.outSeq, body, Replies.SDP));
    }

    /** INFO and MESSAGE: the request and its answer pass as they are (DTMF by INFO, RFC 6086). */
    private void forward(Side from, ServerTransaction tx, SipRequest request) {
        if (call.state() != Call.State.ANSWERED) {
            respond(tx, request, 481, "Call/Transaction Does Not Exist", Headers.empty());
            return;
        }
        if (call.dialog(from.other()) == null && call.server() != null) {
            call.server().onRequest(tx, request);  // INFO DTMF for the application the server answered with
            return;
        }
        Headers extra = Headers.empty();
        for (String name : new String[] {"Info-Package", "Content-Disposition", "Event"}) {
            for (String v : request.headers().all(name)) extra = extra.with(name, v);
        }
        String type = request.contentType().orElse("text/plain");
        call.dialog(from.other()).send(call.context().stack(), request.method(), extra, request.body(), type,
                new ResponseListener() {
                    @Override
                    public void onResponse(SipResponse r) {
                        if (r.provisional()) return;
                        SipResponse out = reply(tx, request, r.status(), r.reason());
                        tx.respond(Replies.withBody(out, r.body(), r.contentType().orElse("text/plain")));
                    }

                    @Override
                    public void onFailure(TransactionFailure f) {
                        tx.respond(reply(tx, request, f.status(), f.reason()));
                    }
                });
    }

    /** The call is ending: an exchange in flight is dropped (its legs get BYE). */
    void abort() {
        Exchange x = pending;
        pending = null;
        if (x != null && !x.awaitingAnswerInAck) x.tx.respond(reply(x.tx, x.request, 487, "Request Terminated"));
    }

    private String contactOf(Side side) {
        return call.dialog(side).dialog().localTarget();
    }

    private static boolean isSdp(SipRequest request) {
        return request.bodyLength() > 0
                && request.contentType().map(t -> t.toLowerCase(Locale.ROOT).startsWith(Replies.SDP)).orElse(true);
    }

    private SipResponse reply(ServerTransaction tx, SipRequest request, int status, String reason) {
        return Replies.to(request, tx.localTag(), status, reason, call.context().settings().serverHeader());
    }

    private void respond(ServerTransaction tx, SipRequest request, int status, String reason, Headers extra) {
        SipResponse r = reply(tx, request, status, reason);
        for (var f : extra.fields()) r = Replies.with(r, f.name(), f.value());
        tx.respond(r);
    }
}
