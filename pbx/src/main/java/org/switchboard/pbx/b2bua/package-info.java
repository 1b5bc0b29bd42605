/**
 * The back-to-back user agent that connects two extensions (RFC 3261 §6 "B2BUA", RFC 7092):
 * the caller's INVITE ends in a server transaction here, and every registered contact of the
 * callee gets an INVITE of its own (its own Call-ID, tags and CSeq), so each phone sees only the
 * server. Media is anchored: each side gets a port pair of the relay, the SDP is rewritten to
 * point there. A phone's hold is answered here and the other party hears music on hold
 * ({@link org.switchboard.pbx.b2bua.Hold}). Calls nobody answers, and service numbers, are
 * answered by the server itself for a voice application ({@link org.switchboard.pbx.b2bua.ServerAnswer},
 * {@link org.switchboard.pbx.b2bua.AnsweredLine}), which may put the caller through
 * ({@link org.switchboard.pbx.b2bua.Transfer}).
 *
 * <p>Threading: every event of a call runs on one SIP shard. The outgoing legs get Call-IDs that
 * hash to the caller's shard ({@code SipStack.newCallIdBeside}), timers and media events hop
 * onto it, so a call's state has one writer and needs no lock.
 */
package org.switchboard.pbx.b2bua;
