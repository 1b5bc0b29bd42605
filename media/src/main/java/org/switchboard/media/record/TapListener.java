package org.switchboard.media.record;

import org.switchboard.media.dtmf.DtmfEvent;

/**
 * Told what a tapped call's phones do: their key presses (RFC 4733 telephone-event, seen even
 * while nothing is recorded) and the failure of the recording's sink. The media layer calls it
 * on the call's executor, never on a media thread; the sans-IO {@link StereoRecorder} calls it
 * on its own thread.
 */
public interface TapListener {

    /** {@code party} pressed a key (reported once, when the press ended). */
    void onDigit(Party party, DtmfEvent event);

    /**
     * The sink failed ({@code reason}: a full disk, an I/O error): the recorder let go of it and
     * records nothing more until given a new sink. The call goes on; the owner aborts the sink.
     */
    void onRecordingFailed(AudioStereoSink sink, String reason);

    /** Ignores everything. */
    TapListener IGNORE = new TapListener() {
        @Override
        public void onDigit(Party party, DtmfEvent event) { }

        @Override
        public void onRecordingFailed(AudioStereoSink sink, String reason) { }
    };
}
