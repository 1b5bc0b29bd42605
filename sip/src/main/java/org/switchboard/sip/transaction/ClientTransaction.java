package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipRequest;

/**
 * A client transaction as its transaction user sees it (RFC 3261 §17.1): the request as
 * sent, with the Via that the stack added. Responses, timeouts and transport errors reach
 * the {@link ResponseListener} given when the request was sent.
 */
public interface ClientTransaction {

    /** The request as sent: our top Via with its branch, Max-Forwards set. */
    SipRequest request();

    /** The branch parameter of our top Via, unique to this transaction (§8.1.1.7). */
    String branch();

    /** True for an INVITE client transaction (RFC 3261 fig. 5), false for fig. 6. */
    boolean isInvite();
}
