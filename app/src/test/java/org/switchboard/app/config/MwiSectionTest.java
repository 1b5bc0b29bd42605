package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mwi:} section of {@code DATA/switchboard.yaml}. */
class MwiSectionTest {
    private ConfigFile file;

    @BeforeEach
    void emptyDataDirectory(@TempDir Path data) {
        file = new ConfigFile(data);
    }

    @Test
    void withoutTheSectionUnsolicitedNotifiesAreOnAndSubscriptionsLastAnHour() throws Exception {
        SwitchboardConfig config = file.read();
        assertThat(config.mwi()).isEqualTo(SwitchboardConfig.Mwi.DEFAULT);
        assertThat(config.mwi().unsolicited()).isTrue();
        assertThat(config.mwi().maxExpires()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bothKeysAreRead() throws Exception {
        SwitchboardConfig config = file.load("""
                mwi:
                  unsolicited: false
                  max-expires: 2h
                """);
        assertThat(config.mwi()).isEqualTo(new SwitchboardConfig.Mwi(false, Duration.ofHours(2)));
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertThat(file.error("mwi:\n  unsolicited: sometimes\n")).contains("mwi.unsolicited").contains("true or false");
        assertThat(file.error("mwi:\n  max-expires: 30\n")).contains("mwi.max-expires").contains("60 s to 24 h");
        assertThat(file.error("mwi:\n  max-expires: 2d\n")).contains("mwi.max-expires");
        assertThat(file.error("mwi:\n  lamps: on\n")).contains("lamps");
    }
}
