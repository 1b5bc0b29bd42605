package org.switchboard.media.record;

import java.util.concurrent.CompletionStage;

/**
 * A call's two media endpoints watched by a {@link StereoRecorder}, obtained from
 * {@code MediaEndpoints#tap}: every RTP packet either phone sends, relayed or terminated, after
 * SRTP decryption, is seen on the endpoints' media thread before it goes on untouched. Armed
 * from the start (key presses reported to the {@link TapListener}); {@link #record} makes it
 * write a stereo recording. Owned by the call: its executor calls these methods; each returns at
 * once and what it asks is applied on the media thread in order.
 */
public interface CallTap {

    /** The rate the call is recorded at: 8000 or 16000 Hz. Give a sink of that rate to {@link #record}. */
    int sampleRate();

    /**
     * Starts writing the call into {@code sink} from the next 20 ms frame. A tap writes one sink at
     * a time: a second {@code record} before {@link #stopRecording} is ignored with a warning.
     *
     * @throws IllegalArgumentException when the sink's rate is not {@link #sampleRate()}
     */
    void record(AudioStereoSink sink);

    /**
     * Stops writing. The stage completes, off the media thread, once the recorder let go of the
     * sink: only then commit it (an fsync: on a thread that may block).
     */
    CompletionStage<Void> stopRecording();

    /** {@code party} now sends {@code format} (a re-INVITE changed its codec). */
    void format(Party party, RecordingFormat format);

    /**
     * Removes the tap from both endpoints (they relay or terminate as before, untouched), stops
     * any recording and frees the decoders. Idempotent. The stage completes off the media thread.
     */
    CompletionStage<Void> close();
}
