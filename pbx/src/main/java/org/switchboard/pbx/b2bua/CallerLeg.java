package org.switchboard.pbx.b2bua;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;

/** The caller's side of a call: its INVITE's server transaction, our tag and Contact towards it. */
final class CallerLeg {
    final String legId;
    final ServerTransaction transaction;
    final SipRequest invite;
    final Flow flow;
    final String localTag;
    final String contact;
    /** Set when the call is answered. */
    LegDialog dialog;

    CallerLeg(String legId, ServerTransaction transaction, SipRequest invite, String contact) {
        this.legId = legId;
        this.transaction = transaction;
        this.invite = invite;
        this.flow = transaction.flow();
        this.localTag = transaction.localTag();
        this.contact = contact;
    }
}
