package org.switchboard.pbx.recording;

/**
 * What {@link CallRecordingStore#recover()} repaired: unfinished recordings deleted, finished
 * files indexed again, index rows dropped because their file was gone.
 */
public record RecordingRecovery(int unfinishedDeleted, int filesIndexed, int rowsDropped) {
    public boolean clean() {
        return unfinishedDeleted == 0 && filesIndexed == 0 && rowsDropped == 0;
    }
}
