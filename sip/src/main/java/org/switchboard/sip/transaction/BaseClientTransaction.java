package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Transport;

/**
 * The client side shared by figures 5 and 6 of RFC 3261: the request as serialised once,
 * its destination, and the listener the TU gave.
 */
abstract sealed class BaseClientTransaction extends Transaction implements ClientTransaction
        permits InviteClientTransaction, NonInviteClientTransaction {

    final ClientKey key;
    final SipRequest request;
    final byte[] bytes;
    final Transport transport;
    final InetSocketAddress destination;
    final ResponseListener listener;

    BaseClientTransaction(TransactionEnv env, String branch, SipRequest request, Transport transport,
                          InetSocketAddress destination, ResponseListener listener) {
        super(env, transport.reliable());
        this.key = new ClientKey(branch, request.method());
        this.request = request;
        this.bytes = request.toBytes();
        this.transport = transport;
        this.destination = destination;
        this.listener = listener;
    }

    @Override
    public final SipRequest request() { return request; }

    @Override
    public final String branch() { return key.branch(); }

    /** Sends the request for the first time and starts the timers (on the shard). */
    abstract void start();

    /** A response matched this transaction (on the shard). */
    abstract void onResponse(SipResponse response);

    final void sendRequest() { send(bytes); }

    final void send(byte[] message) {
        env.counters().requestsOut.increment();
        env.sender().send(transport, destination, message, this);
    }

    final void deliver(SipResponse response) {
        try {
            listener.onResponse(response);
        } catch (RuntimeException e) {
            env.tuFailed("onResponse", e);
        }
    }

    final void fail(TransactionFailure failure) {
        try {
            listener.onFailure(failure);
        } catch (RuntimeException e) {
            env.tuFailed("onFailure", e);
        }
    }
}
