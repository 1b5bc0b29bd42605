package org.switchboard.pbx.b2bua;

import java.net.InetSocketAddress;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.SipStack;
import org.switchboard.sip.transport.Transport;

/**
 * One side's confirmed dialog and where its requests go. In-dialog requests are sent to the
 * address the phone's messages come from (its registered flow for a callee, the INVITE's source
 * for the caller) rather than to its Contact: behind NAT only that address reaches it, and over
 * TCP/TLS only that connection (RFC 5626 §5.3 reasoning, as registrars with NAT helpers do).
 * Used on the call's shard only.
 */
final class LegDialog {
    final Side side;
    final String legId;
    final Transport transport;
    final InetSocketAddress destination;
    /** Our 2xx to this side's (re-)INVITE waiting for its ACK. */
    final AckWait ackWait = new AckWait();
    private Dialog dialog;

    LegDialog(Side side, String legId, Dialog dialog, Transport transport, InetSocketAddress destination) {
        this.side = side;
        this.legId = legId;
        this.dialog = dialog;
        this.transport = transport;
        this.destination = destination;
    }

    Dialog dialog() { return dialog; }

    /** Sends a new in-dialog request (new CSeq), with a body when {@code body} is not empty. */
    ClientTransaction send(SipStack stack, String method, Headers extra, byte[] body, String contentType,
                           ResponseListener listener) {
        Headers h = extra;
        if (body.length > 0) h = h.with(HeaderNames.CONTENT_TYPE, contentType);
        Dialog.Outgoing out = dialog.next(method, h, body);
        dialog = out.dialog();
        return stack.sendRequest(out.request(), transport, destination, listener);
    }

    /** The ACK for our INVITE with CSeq {@code seq} (§13.2.2.4); sent once, re-sent by the caller on 2xx retransmissions. */
    SipRequest ack(long seq, byte[] body, String contentType) {
        Headers h = Headers.empty();
        if (body.length > 0) h = h.with(HeaderNames.CONTENT_TYPE, contentType);
        return dialog.ack(seq, h, body);
    }

    void sendAck(SipStack stack, SipRequest ack) { stack.sendAck(ack, transport, destination); }

    /** Checks and records an in-dialog request's CSeq (§12.2.2); false when it is out of order. */
    boolean accept(SipRequest request) {
        var next = dialog.acceptRemote(request);
        next.ifPresent(d -> dialog = d);
        return next.isPresent();
    }
}
