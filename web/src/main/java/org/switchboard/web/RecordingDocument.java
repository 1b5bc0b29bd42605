package org.switchboard.web;

import org.switchboard.pbx.recording.CallRecording;
import org.switchboard.pbx.recording.Trigger;

/**
 * A call recording as {@code /api/v1/recordings} shows it. {@code callId} is the id of the call's
 * record ({@code /api/v1/cdr}), null when not known (a file indexed again after a crash); likewise
 * the parties. {@code trigger} is {@code always}, {@code on-demand} or {@code unknown};
 * {@code startedBy} the extension whose policy or key press started it. Times are ISO-8601 UTC;
 * {@code durationSeconds} rounded to whole seconds; {@code sizeBytes} the WAV file's size.
 */
public record RecordingDocument(String id, String callId, String startedAt, String endedAt, long durationSeconds,
                                String caller, String callee, String trigger, String startedBy, long sizeBytes) {

    static RecordingDocument of(CallRecording r) {
        Trigger t = r.trigger();
        return new RecordingDocument(r.id(), orNull(r.callId()), r.startedAt().toString(), r.endedAt().toString(),
                (r.duration().toMillis() + 500) / 1000, orNull(r.caller()), orNull(r.callee()), t.kind().word(),
                orNull(t.extension()), r.fileSize());
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
