package org.switchboard.pbx.recording;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.media.record.StereoWavSink;

/**
 * A recording being made: its id, what it will be indexed with, and the sink its audio goes to
 * (a hidden temporary file until {@link CallRecordingStore#commit}). Obtained from
 * {@link CallRecordingStore#begin}; committed or aborted once, by its owner.
 */
public final class RecordingDraft {
    private final String id;
    private final String callId;
    private final String caller;
    private final String callee;
    private final Trigger trigger;
    private final Instant startedAt;
    private final StereoWavSink sink;

    RecordingDraft(String id, String callId, String caller, String callee, Trigger trigger, Instant startedAt,
                   StereoWavSink sink) {
        this.id = id;
        this.callId = callId;
        this.caller = caller;
        this.callee = callee;
        this.trigger = trigger;
        this.startedAt = startedAt;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public String id() { return id; }

    public String callId() { return callId; }

    public String caller() { return caller; }

    public String callee() { return callee; }

    public Trigger trigger() { return trigger; }

    public Instant startedAt() { return startedAt; }

    /** Where the recorder writes; give it to {@code CallTap#record}. */
    public StereoWavSink sink() { return sink; }

    @Override
    public String toString() {
        return "RecordingDraft[" + id + " of call " + callId + ", " + trigger + "]";
    }
}
