package org.switchboard.pbx.signalling;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
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
 * ({@link RequestChecks}), then goes to the registrar (REGISTER) or is answered here (OPTIONS,
 * §11.2). Methods the server does not serve yet get 501 Not Implemented with Allow.
 *
 * <p>Runs on the stack's shard threads and never blocks: the registrar answers from memory
 * (a credential cache miss is the one database read, see {@code CredentialCache}).
 */
public final class RequestDispatcher implements TransactionUser {

    /** The methods this server answers; later issues add INVITE, BYE, SUBSCRIBE... */
    public static final String ALLOW = "REGISTER, OPTIONS, ACK, CANCEL";

    private final Registrar registrar;
    private final InstantSource clock;
    private final RequestChecks.Policy policy;
    private final String serverHeader;

    public RequestDispatcher(Registrar registrar, InstantSource clock, String serverHeader) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serverHeader = Objects.requireNonNull(serverHeader, "serverHeader");
        // A registrar does not forward, so Max-Forwards: 0 is fine for REGISTER and OPTIONS (§11.2).
        RequestChecks.Policy d = RequestChecks.Policy.DEFAULT;
        this.policy = new RequestChecks.Policy(d.supportedExtensions(), d.uriSchemes(), d.offerBodyTypes(),
                d.answerBodyType(), false);
    }

    @Override
    public void onRequest(ServerTransaction tx, SipRequest request) {
        Optional<RequestChecks.Rejection> rejection = RequestChecks.check(request, policy);
        if (rejection.isPresent()) {
            tx.respond(stamp(rejection.get().toResponse(request, tx.localTag())));
            return;
        }
        switch (request.method()) {
            case Methods.REGISTER -> register(tx, request);
            case Methods.OPTIONS -> tx.respond(options(request, tx.localTag()));
            default -> {
                SipResponse r = SipResponse.to(request, 501, "Not Implemented", tx.localTag());
                tx.respond(stamp(r.withHeaders(r.headers().with(HeaderNames.ALLOW, ALLOW))));
            }
        }
    }

    private void register(ServerTransaction tx, SipRequest request) {
        Flow flow = tx.flow();
        RegistrarOutcome outcome = registrar.handle(tx.request(), flow, clock.instant());
        switch (outcome) {
            case RegistrarOutcome.Reply reply -> tx.respond(stamp(reply.response()));
            case RegistrarOutcome.Drop drop -> tx.abandon();
        }
    }

    /** RFC 3261 §11.2: 200 with what we allow and accept (no option tags are supported yet). */
    private SipResponse options(SipRequest request, String toTag) {
        SipResponse r = SipResponse.to(request, 200, "OK", toTag);
        return stamp(r.withHeaders(r.headers()
                .with(HeaderNames.ALLOW, ALLOW)
                .with(HeaderNames.ACCEPT, "application/sdp")));
    }

    private SipResponse stamp(SipResponse r) {
        return r.withHeaders(r.headers().with(HeaderNames.SERVER, serverHeader));
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        // No dialogs yet: an ACK for a 2xx we never sent is ignored (§17.2.3 gives it no response).
    }
}
