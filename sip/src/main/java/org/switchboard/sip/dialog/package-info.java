/**
 * Dialogs (RFC 3261 §12): immutable values holding what a dialog remembers (Call-ID, tags,
 * CSeq numbers, remote target, route set) and building in-dialog requests with loose or
 * strict routing (§12.2.1.1). Keeping them and matching in-dialog requests to them is the
 * call layer's job.
 */
package org.switchboard.sip.dialog;
