package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipResponse;

/**
 * Receives what a client transaction learns: every provisional and final response passed
 * up by the state machine (retransmitted final responses are absorbed, except 2xx to an
 * INVITE, which RFC 6026 §8.4 passes up so that the TU can re-send its ACK), or a failure.
 *
 * <p>Called on the transaction's shard thread: must not block (hand long work to another
 * executor). After a failure, or after the final response of a non-INVITE, no more calls
 * follow except those allowed above.
 */
public interface ResponseListener {

    /** A response matched to the transaction (§17.1.3). */
    void onResponse(SipResponse response);

    /** The transaction ended without a final response: treat as 408 or 503 (§8.1.3.1). */
    void onFailure(TransactionFailure failure);
}
