package org.switchboard.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/** A TU that records what it sees and answers with a configurable behaviour. Thread-safe. */
final class RecordingUser implements TransactionUser {
    final List<SipRequest> requests = new ArrayList<>();
    final List<ServerTransaction> transactions = new ArrayList<>();
    final List<SipRequest> acks = new ArrayList<>();
    final List<SipRequest> cancels = new ArrayList<>();
    final List<SipResponse> strays = new ArrayList<>();
    final List<TransactionFailure> failures = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    private volatile BiConsumer<ServerTransaction, SipRequest> behaviour = (tx, r) -> { };

    /** What to do for each new request. */
    RecordingUser answering(BiConsumer<ServerTransaction, SipRequest> b) {
        this.behaviour = b;
        return this;
    }

    @Override
    public void onRequest(ServerTransaction transaction, SipRequest request) {
        synchronized (this) {
            requests.add(request);
            transactions.add(transaction);
            threads.add(Thread.currentThread().getName());
        }
        behaviour.accept(transaction, request);
    }

    @Override
    public synchronized void onAck(SipRequest ack, Flow flow) { acks.add(ack); }

    @Override
    public void onCancel(ServerTransaction invite, SipRequest cancel) {
        synchronized (this) {
            cancels.add(cancel);
        }
        TransactionUser.super.onCancel(invite, cancel);
    }

    @Override
    public synchronized void onStrayResponse(SipResponse response, Flow flow) { strays.add(response); }

    @Override
    public synchronized void onServerFailure(ServerTransaction transaction, TransactionFailure failure) {
        failures.add(failure);
    }
}
