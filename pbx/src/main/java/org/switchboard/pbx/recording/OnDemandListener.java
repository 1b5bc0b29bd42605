package org.switchboard.pbx.recording;

import org.switchboard.media.record.Party;

/**
 * Told, on the call's executor, that {@code party} pressed the on-demand code
 * ({@link OnDemandCode#CODE}) and the call's recording was switched: {@code recording} true when
 * it started (the hook may play the {@code call-recorded} prompt when
 * {@link RecordingSettings#announce()}), false when it stopped.
 */
@FunctionalInterface
public interface OnDemandListener {
    void toggled(Party party, boolean recording);

    OnDemandListener IGNORE = (party, recording) -> { };
}
