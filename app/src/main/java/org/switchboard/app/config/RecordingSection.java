package org.switchboard.app.config;

import java.util.Locale;
import org.switchboard.app.config.ConfigLoader.Values;
import org.switchboard.pbx.recording.RecordingSettings;

/** The {@code recording:} section (call recording), read by {@link ConfigLoader} with the same rules as the rest. */
final class RecordingSection {
    private RecordingSection() { }

    static RecordingSettings recording(Values values) throws ConfigException {
        RecordingSettings d = RecordingSettings.DEFAULT;
        int days = values.get("recording.retention-days", RecordingSection::days).orElse(d.retentionDays());
        boolean announce = values.get("recording.announce", RecordingSection::bool).orElse(d.announce());
        return new RecordingSettings(days, announce);
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text);
            if (days >= 0 && days <= RecordingSettings.MAX_RETENTION_DAYS) return days;
        } catch (NumberFormatException e) {
            // fall through to the rule
        }
        throw new IllegalArgumentException("is not a number of days: use 0 (keep recordings forever) to "
                + RecordingSettings.MAX_RETENTION_DAYS + ", e.g. 90");
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("is not true or false");
        };
    }
}
