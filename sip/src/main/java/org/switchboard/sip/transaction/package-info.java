/**
 * The SIP transaction layer (RFC 3261 §17, RFC 6026, RFC 3581), sans-IO.
 *
 * <p>The four state machines are enums of states with one handler per state, the RFC figure
 * in their Javadoc: {@code InviteClientTransaction} (fig. 5 + RFC 6026 Accepted),
 * {@code NonInviteClientTransaction} (fig. 6), {@code InviteServerTransaction} (fig. 7 + RFC
 * 6026 Accepted, Timer L) and {@code NonInviteServerTransaction} (fig. 8). They take events
 * (message received, timer fired, transport error, response from the TU) and act only through
 * injected ports: a {@link org.switchboard.sip.transport.TransportSender}, a
 * {@link org.switchboard.sip.time.Scheduler} and the TU. Their tests run on a virtual clock.
 *
 * <p>Matching: responses by top-Via branch and CSeq method (§17.1.3); requests by branch,
 * sent-by and method, ACK matching its INVITE, CANCEL a transaction of its own (§17.2.3).
 * RFC 2543 requests (no {@code z9hG4bK} branch) match on Call-ID, CSeq number, From tag,
 * Request-URI and sent-by; see {@code ServerKey}. Responses whose branch we did not generate
 * are dropped (§18.1.2).
 *
 * <p>{@link org.switchboard.sip.transaction.SipStack} is the thread-safe entry point: it
 * implements {@link org.switchboard.sip.transport.InboundHandler} for module {@code net} and
 * shards work by Call-ID onto serial executors.
 *
 * <p>Not done here (by design or yet): RFC 3263 DNS resolution (callers give an address),
 * the switch to TCP for large UDP requests (§18.1.1), {@code maddr}, CANCEL generation on
 * the client side, and 2xx retransmission by the UAS core (§13.3.1.4, the TU's job).
 */
package org.switchboard.sip.transaction;
