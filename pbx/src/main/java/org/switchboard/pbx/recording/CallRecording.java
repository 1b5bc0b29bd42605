package org.switchboard.pbx.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored call recording as indexed. Its file is {@code YYYY/MM/DD/ID.wav} under the recordings
 * directory, the day being the UTC day it started ({@link CallRecordingStore#file}): stereo
 * 16-bit PCM, the caller on the left and the callee on the right.
 *
 * @param id        {@link RecordingId}
 * @param callId    the call's id, which is also its call record's (CDR) id; empty when not known
 * @param startedAt when recording began
 * @param endedAt   when it stopped
 * @param duration  how long it plays
 * @param caller    the calling party's number; empty when not known
 * @param callee    the called party's number; empty when not known
 * @param trigger   why it was made, and for whom
 * @param fileSize  the file's size in bytes
 */
public record CallRecording(String id, String callId, Instant startedAt, Instant endedAt, Duration duration,
                            String caller, String callee, Trigger trigger, long fileSize) {

    public CallRecording {
        if (!RecordingId.isValid(id)) throw new IllegalArgumentException("not a recording id: " + id);
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(trigger, "trigger");
        if (duration.isNegative()) throw new IllegalArgumentException("duration must not be negative");
        if (fileSize < 0) throw new IllegalArgumentException("fileSize must not be negative");
    }

    public String fileName() {
        return id + CallRecordingStore.SUFFIX;
    }

    /** Whether {@code number} took part or started it: what {@code recordings list --extension} finds. */
    public boolean involves(String number) {
        return caller.equals(number) || callee.equals(number) || trigger.extension().equals(number);
    }
}
