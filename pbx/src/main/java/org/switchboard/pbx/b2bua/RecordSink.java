package org.switchboard.pbx.b2bua;

import org.switchboard.pbx.call.CallRecord;

/**
 * Where the B2BUA sends call records: called on a SIP shard, so it must not block (the
 * production sink queues them for a database writer). {@link #started} once per call, then
 * {@link #changed} on answer and once on completion.
 */
public interface RecordSink {
    void started(CallRecord record);

    void changed(CallRecord record);

    /** Keeps nothing: for tests that do not look at records. */
    RecordSink NONE = new RecordSink() {
        @Override
        public void started(CallRecord record) { }

        @Override
        public void changed(CallRecord record) { }
    };
}
