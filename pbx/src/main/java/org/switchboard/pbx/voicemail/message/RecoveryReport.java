package org.switchboard.pbx.voicemail.message;

/**
 * What {@link MessageStore#recover()} repaired: unfinished recordings deleted, committed files
 * indexed again, index rows dropped because their file was gone.
 */
public record RecoveryReport(int unfinishedDeleted, int filesIndexed, int rowsDropped) {
    public boolean clean() {
        return unfinishedDeleted == 0 && filesIndexed == 0 && rowsDropped == 0;
    }
}
