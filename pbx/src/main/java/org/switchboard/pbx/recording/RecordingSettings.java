package org.switchboard.pbx.recording;

/**
 * The {@code recording:} section of the configuration.
 *
 * @param retentionDays recordings older than this many days are deleted, daily and at start
 *                      ({@code retention-days}, 90; 0 keeps them forever)
 * @param announce      both parties hear "this call is being recorded" (prompt {@code call-recorded})
 *                      when a recording starts ({@code announce}, true)
 */
public record RecordingSettings(int retentionDays, boolean announce) {

    /** The longest retention that can be set: a hundred years. */
    public static final int MAX_RETENTION_DAYS = 36_500;
    public static final RecordingSettings DEFAULT = new RecordingSettings(90, true);

    public RecordingSettings {
        if (retentionDays < 0 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention-days must be 0 (keep forever) to " + MAX_RETENTION_DAYS
                    + ", got " + retentionDays);
        }
    }

    /** Whether recordings are kept forever. */
    public boolean keepsForever() {
        return retentionDays == 0;
    }
}
