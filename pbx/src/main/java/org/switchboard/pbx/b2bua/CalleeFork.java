package org.switchboard.pbx.b2bua;

import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.TransactionFailure;

/**
 * The INVITE to one registered contact of the callee (a fork). Its responses arrive on the
 * call's shard (its Call-ID was chosen for that) and go to the {@link Call}.
 */
final class CalleeFork implements ResponseListener {

    enum State {
        /** INVITE sent, nothing but 100 yet: a CANCEL must wait (RFC 3261 §9.1). */
        CALLING,
        /** A provisional response arrived: it rings. */
        PROCEEDING,
        /** It answered with 2xx. */
        ANSWERED,
        /** It answered with a failure, was cancelled, or timed out. */
        ENDED
    }

    final Call call;
    final String legId;
    final Binding binding;
    final String callId;
    final String localTag;
    final String contact;
    /** The offer this contact gets (empty for a late offer): with SRTP only when it is on TLS. */
    byte[] offer = new byte[0];
    SipRequest invite;
    ClientTransaction transaction;
    State state = State.CALLING;
    boolean cancelWanted;
    /** Our ACK for its 2xx, re-sent for each 2xx retransmission (RFC 3261 §13.2.2.4). */
    SipRequest ack;
    LegDialog dialog;
    int finalStatus;

    CalleeFork(Call call, String legId, Binding binding, String callId, String localTag, String contact) {
        this.call = call;
        this.legId = legId;
        this.binding = binding;
        this.callId = callId;
        this.localTag = localTag;
        this.contact = contact;
    }

    @Override
    public void onResponse(SipResponse response) { call.onForkResponse(this, response); }

    @Override
    public void onFailure(TransactionFailure failure) { call.onForkFailure(this, failure); }

    /** Ends the ringing: CANCEL now if it rang, else as soon as it does (§9.1). */
    void cancel() {
        if (state == State.CALLING) {
            cancelWanted = true;
        } else if (state == State.PROCEEDING) {
            call.context().stack().cancel(transaction, Call.IGNORE);
            state = State.ENDED;
        }
    }

    boolean ended() { return state == State.ENDED; }

    /** Whether the contact is registered over TLS (or WSS), so SDES keys may go to it. */
    boolean secure() { return binding.flow().transport().secure(); }
}
