package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.recording.RecordingSettings;

/** The {@code recording:} section of {@code DATA/switchboard.yaml}. */
class RecordingSectionTest {
    private ConfigFile file;

    @BeforeEach
    void emptyDataDirectory(@TempDir Path data) {
        file = new ConfigFile(data);
    }

    @Test
    void withoutTheSectionRecordingsAreKept90DaysAndAnnounced() throws Exception {
        RecordingSettings settings = file.read().recording();
        assertThat(settings).isEqualTo(RecordingSettings.DEFAULT);
        assertThat(settings.retentionDays()).isEqualTo(90);
        assertThat(settings.announce()).isTrue();
    }

    @Test
    void bothKeysAreReadAndZeroKeepsForever() throws Exception {
        RecordingSettings settings = file.load("""
                recording:
                  retention-days: 0
                  announce: false
                """).recording();
        assertThat(settings).isEqualTo(new RecordingSettings(0, false));
        assertThat(settings.keepsForever()).isTrue();
        assertThat(file.load("recording:\n  retention-days: 3650\n").recording().retentionDays()).isEqualTo(3650);
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertThat(file.error("recording:\n  retention-days: -1\n")).contains("recording.retention-days").contains("0 (keep");
        assertThat(file.error("recording:\n  retention-days: 90d\n")).contains("recording.retention-days");
        assertThat(file.error("recording:\n  announce: maybe\n")).contains("recording.announce").contains("true or false");
        assertThat(file.error("recording:\n  format: mp3\n")).contains("format");
    }
}
