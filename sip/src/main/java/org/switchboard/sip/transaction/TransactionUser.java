package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * The layer above the transactions (RFC 3261 §17: the "TU"): a UA core, the registrar, the
 * B2BUA. {@link SipStack} calls it for every request that is not a retransmission.
 *
 * <p>Threading contract: every method runs on the shard thread that owns the Call-ID, so
 * calls for one dialog arrive in order and never concurrently. Implementations must not
 * block (no database or DNS wait): answer at once, or hand the work to another executor and
 * call {@link ServerTransaction#respond} later from there. Exceptions thrown here are caught,
 * logged and answered with 500 when the request has no final response yet.
 */
public interface TransactionUser {

    /** A new request (not ACK, not CANCEL) with its server transaction. */
    void onRequest(ServerTransaction transaction, SipRequest request);

    /**
     * An ACK that matched no transaction: the ACK for a 2xx, which RFC 3261 §17.1.1.3 sends
     * outside the INVITE transaction, or an ACK arriving while the INVITE server transaction
     * is in the RFC 6026 Accepted state.
     */
    void onAck(SipRequest ack, Flow flow);

    /**
     * A CANCEL matched an INVITE transaction that has not sent a final response. The stack
     * has already answered the CANCEL with 200 (§9.2); the TU should end the INVITE with 487.
     * By default it does so at once.
     */
    default void onCancel(ServerTransaction invite, SipRequest cancel) {
        invite.respond(487, "Request Terminated");
    }

    /**
     * A 2xx to an INVITE that matched no client transaction (its transaction ended after
     * Timer M): a UAC core re-sends its ACK (RFC 6026 §7.1). Ignored by default.
     */
    default void onStrayResponse(SipResponse response, Flow flow) { }

    /** A server transaction ended without delivering its response: Timer H or a transport error. */
    default void onServerFailure(ServerTransaction transaction, TransactionFailure failure) { }
}
