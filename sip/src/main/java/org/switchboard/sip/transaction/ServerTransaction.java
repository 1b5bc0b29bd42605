package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * A server transaction as its transaction user sees it (RFC 3261 §17.2): the request that
 * created it and a way to answer. The transaction sends the response where RFC 3261 §18.2.2
 * and RFC 3581 say, retransmits it as the state machine requires and absorbs request
 * retransmissions.
 *
 * <p>Threading: {@link #respond} may be called from any thread; off the transaction's shard
 * it hops onto the shard, so it returns before the response is sent. Responses that the
 * state machine does not accept any more (a second final response, a provisional after the
 * final) are ignored: the transaction keeps the first final answer, as the RFC requires.
 */
public interface ServerTransaction {

    /**
     * The request as received, with {@code received}/{@code rport} stamped on its top Via (RFC 3581 §4).
     * A non-INVITE transaction keeps it until its final response is sent: while it waits out
     * Timer J it needs only that response (RFC 3261 §17.2.2), so this then throws
     * {@link IllegalStateException}. Keep what you need from the request before answering.
     */
    SipRequest request();

    /** The flow the request arrived on. */
    Flow flow();

    /** True for an INVITE server transaction (RFC 3261 fig. 7), false for fig. 8. */
    boolean isInvite();

    /**
     * The To tag this transaction answers with: the request's own To tag for an in-dialog
     * request, otherwise one generated once per transaction, so that every response of the
     * transaction (and the 200 to a CANCEL) carries the same tag (§8.2.6.2, §9.2).
     */
    String localTag();

    /** Sends a response built from {@link #request()} (its Via, From, To, Call-ID and CSeq). */
    void respond(SipResponse response);

    /**
     * Ends the transaction without any response: for a request that deserves silence (a
     * blocked source, RFC 3261 leaves such policy to the element). Retransmissions of the
     * request then reach the transaction user again. Ignored once a final response was sent.
     */
    void abandon();

    /** Shorthand: {@code respond(SipResponse.to(request(), status, reason, localTag()))}. */
    default void respond(int status, String reason) {
        respond(SipResponse.to(request(), status, reason, localTag()));
    }
}
