package org.switchboard.pbx.signalling;

import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.switchboard.pbx.b2bua.B2bua;
import org.switchboard.pbx.mwi.MwiNotifier;
import org.switchboard.pbx.registrar.Registrar;
import org.switchboard.pbx.registrar.RegistrarOutcome;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Methods;
import org.switchboard.sip.message.RequestChecks;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.TransactionUser;
import org.switchboard.sip.transport.Flow;

/**
 * The SIP stack's transaction user: every new request passes the UAS checks of RFC 3261 §8.2
 * ({@link RequestChecks}), then goes to the registrar (REGISTER), to the {@link MwiNotifier}
 * (SUBSCRIBE, new or in a dialog), to the {@link B2bua} (INVITE, and every other request inside
 * a dialog, found by its To tag), or is answered here (OPTIONS, §11.2). Other methods get 501
 * Not Implemented with Allow.
 *
 * <p>Runs on the stack's shard threads and never blocks: the registrar answers from memory
 * (a credential cache miss is the one database read, see {@code CredentialCache}).
 */
public final class RequestDispatcher implements TransactionUser {

    /** The methods a server without calls answers. */
    public static final String ALLOW = "REGISTER, OPTIONS, ACK, CANCEL";
    /** The methods a server with calls answers; later issues add REFER... */
    public static final String ALLOW_CALLS = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REGISTER";

    private final Registrar registrar;
    private final InstantSource clock;
    private final RequestChecks.Policy policy;
    private final String serverHeader;
    private final B2bua b2bua;
    private final MwiNotifier mwi;
    private final String allow;

    /** A dispatcher without calls: registrar and OPTIONS only. */
    public RequestDispatcher(Registrar registrar, InstantSource clock, String serverHeader) {
        this(registrar, null, clock, serverHeader);
    }

    /** A dispatcher that hands INVITEs and in-dialog requests to {@code b2bua} (null: none). */
    public RequestDispatcher(Registrar registrar, B2bua b2bua, InstantSource clock, String serverHeader) {
        this(registrar, b2bua, null, clock, serverHeader);
    }

    /**
     * A dispatcher that also hands SUBSCRIBEs to {@code mwi} (null: none, SUBSCRIBE gets 501 or,
     * in a dialog, 481), and then lists SUBSCRIBE in Allow and {@code message-summary} in
     * Allow-Events (RFC 6665 §4.4.4).
     */
    public RequestDispatcher(Registrar registrar, B2bua b2bua, MwiNotifier mwi, InstantSource clock, String serverHeader) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.b2bua = b2bua;
        this.mwi = mwi;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serverHeader = Objects.requireNonNull(serverHeader, "serverHeader");
        String methods = b2bua == null ? ALLOW : ALLOW_CALLS;
        this.allow = mwi == null ? methods : methods + ", " + Methods.SUBSCRIBE;
        // A registrar does not forward, so Max-Forwards: 0 is fine for REGISTER and OPTIONS (§11.2);
        // the B2BUA answers an INVITE with Max-Forwards 0 itself (483). Session timers (RFC 4028)
        // are the one option tag a caller may require; 100rel gets 420 (RFC 3262 refused cleanly).
        RequestChecks.Policy d = RequestChecks.Policy.DEFAULT;
        Set<String> supported = new HashSet<>(d.supportedExtensions());
        if (b2bua != null) supported.add("timer");
        this.policy = new RequestChecks.Policy(Set.copyOf(supported), d.uriSchemes(), d.offerBodyTypes(),
                d.answerBodyType(), false);
    }

    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
        Optional<RequestChecks.Rejection> rejection = RequestChecks.check(request, policy);
        if (rejection.isPresent()) {
            tx.respond(stamp(rejection.get().toResponse(request, tx.localTag())));
            return;
        }
        if (request.isMethod(Methods.REGISTER)) {
            register(tx, request);
            return;
        }
        if (mwi != null && request.isMethod(Methods.SUBSCRIBE)) {
            mwi.onSubscribe(tx, request);
            return;
        }
        if (b2bua != null) {
            if (request.to().tag().isPresent()) {
                b2bua.onInDialog(tx, request);
                return;
            }
            if (request.isMethod("INVITE")) {
                b2bua.onInvite(tx, request);
                return;
            }
            if (!request.isMethod(Methods.OPTIONS) && allow.contains(request.method())) {
                tx.respond(stamp(SipResponse.to(request, 481, "Call/Transaction Does Not Exist", tx.localTag())));
                return;
            }
        }
        if (request.isMethod(Methods.OPTIONS)) {
            tx.respond(options(request, tx.localTag()));
        } else {
            SipResponse r = SipResponse.to(request, 501, "Not Implemented", tx.localTag());
            tx.respond(stamp(r.withHeaders(r.headers().with(HeaderNames.ALLOW, allow))));
        }
    }

    @Override
    public void onCancel(ServerTransaction invite, SipRequest cancel) {
        // the call answers its INVITE 487 itself, and cancels its forks
        if (b2bua == null || !b2bua.onCancel(invite)) invite.respond(487, "Request Terminated");
    }

    private void register(ServerTransaction tx, SipRequest request) {
        Flow flow = tx.flow();
        RegistrarOutcome outcome = registrar.handle(tx.request(), flow, clock.instant());
        switch (outcome) {
            case RegistrarOutcome.Reply reply -> tx.respond(stamp(reply.response()));
            case RegistrarOutcome.Drop drop -> tx.abandon();
        }
    }

    /** RFC 3261 §11.2: 200 with what we allow and accept (no option tags are supported yet), and the event packages we serve. */
    private SipResponse options(SipRequest request, String toTag) {
        SipResponse r = SipResponse.to(request, 200, "OK", toTag);
        var h = r.headers().with(HeaderNames.ALLOW, allow).with(HeaderNames.ACCEPT, "application/sdp");
        if (mwi != null) h = h.with(HeaderNames.ALLOW_EVENTS, MwiNotifier.ALLOW_EVENTS);
        return stamp(r.withHeaders(h));
    }

    private SipResponse stamp(SipResponse r) {
        return r.withHeaders(r.headers().with(HeaderNames.SERVER, serverHeader));
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        // an ACK for a 2xx of a call; any other is ignored (§17.2.3 gives it no response)
        if (b2bua != null) b2bua.onAck(ack);
    }
}
