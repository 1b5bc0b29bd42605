package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.recording.RecordingSettings;

/** The {@code recording:} section of {@code DATA/switchboard.yaml}. */
class RecordingSectionTest {
    @TempDir Path data;
    private final ConfigLoader loader = new ConfigLoader(() -> "pbx.example.com");

    private SwitchboardConfig load(String yaml) throws Exception {
        Files.writeString(data.resolve(SwitchboardConfig.FILE_NAME), yaml);
        return loader.load(data, Map.of());
    }

    private String error(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).actual().getMessage();
    }

    @Test
    void withoutTheSectionRecordingsAreKept90DaysAndAnnounced() throws Exception {
        RecordingSettings settings = loader.load(data, Map.of()).recording();
        assertThat(settings).isEqualTo(RecordingSettings.DEFAULT);
        assertThat(settings.retentionDays()).isEqualTo(90);
        assertThat(settings.announce()).isTrue();
    }

    @Test
    void bothKeysAreReadAndZeroKeepsForever() throws Exception {
        RecordingSettings settings = load("""
                recording:
                  retention-days: 0
                  announce: false
                """).recording();
        assertThat(settings).isEqualTo(new RecordingSettings(0, false));
        assertThat(settings.keepsForever()).isTrue();
        assertThat(load("recording:\n  retention-days: 3650\n").recording().retentionDays()).isEqualTo(3650);
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertThat(error("recording:\n  retention-days: -1\n")).contains("recording.retention-days").contains("0 (keep");
        assertThat(error("recording:\n  retention-days: 90d\n")).contains("recording.retention-days");
        assertThat(error("recording:\n  announce: maybe\n")).contains("recording.announce").contains("true or false");
        assertThat(error("recording:\n  format: mp3\n")).contains("format");
    }
}
