package org.switchboard.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.SipResponse;

/** A response listener that records responses (as status codes) and failures. */
final class RecordingListener implements ResponseListener {
    final List<SipResponse> responses = new ArrayList<>();
    final List<TransactionFailure> failures = new ArrayList<>();

    @Override
    public synchronized void onResponse(SipResponse response) { responses.add(response); }

    @Override
    public synchronized void onFailure(TransactionFailure failure) { failures.add(failure); }

    synchronized List<Integer> statuses() {
        List<Integer> out = new ArrayList<>();
        for (SipResponse r : responses) out.add(r.status());
        return out;
    }
}
