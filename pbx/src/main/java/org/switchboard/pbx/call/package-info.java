/**
 * Calls as the rest of the PBX sees them, without SIP types: the call record (CDR) written
 * when a call starts and completed when it ends, the dispositions and hangup causes that
 * billing and CRMs read, and the live snapshots {@code switchboard calls} shows. The SIP side
 * of a call (the B2BUA) lives in {@code pbx.signalling.b2bua} and publishes into these types.
 */
package org.switchboard.pbx.call;
