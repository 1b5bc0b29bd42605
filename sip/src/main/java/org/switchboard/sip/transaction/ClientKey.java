package org.switchboard.sip.transaction;

/**
 * Matches a response to a client transaction (RFC 3261 §17.1.3): the branch of the top Via
 * and the CSeq method, so that the response to a CANCEL (same branch as its INVITE, §9.1)
 * does not match the INVITE transaction.
 */
record ClientKey(String branch, String method) { }
