package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mwi:} section of {@code DATA/switchboard.yaml}. */
class MwiSectionTest {
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
    void withoutTheSectionUnsolicitedNotifiesAreOnAndSubscriptionsLastAnHour() throws Exception {
        SwitchboardConfig config = loader.load(data, Map.of());
        assertThat(config.mwi()).isEqualTo(SwitchboardConfig.Mwi.DEFAULT);
        assertThat(config.mwi().unsolicited()).isTrue();
        assertThat(config.mwi().maxExpires()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bothKeysAreRead() throws Exception {
        SwitchboardConfig config = load("""
                mwi:
                  unsolicited: false
                  max-expires: 2h
                """);
        assertThat(config.mwi()).isEqualTo(new SwitchboardConfig.Mwi(false, Duration.ofHours(2)));
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertThat(error("mwi:\n  unsolicited: sometimes\n")).contains("mwi.unsolicited").contains("true or false");
        assertThat(error("mwi:\n  max-expires: 30\n")).contains("mwi.max-expires").contains("60 s to 24 h");
        assertThat(error("mwi:\n  max-expires: 2d\n")).contains("mwi.max-expires");
        assertThat(error("mwi:\n  lamps: on\n")).contains("lamps");
    }
}
