package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code moh:} section of {@code DATA/switchboard.yaml}. */
class MohSectionTest {
    @TempDir Path data;
    private final ConfigLoader loader = new ConfigLoader(() -> "pbx.example.com");

    private SwitchboardConfig load(String yaml) throws Exception {
        Files.writeString(data.resolve(SwitchboardConfig.FILE_NAME), yaml);
        return loader.load(data, Map.of());
    }

    @Test
    void withoutTheSectionHeldPartiesHearTheDefaultClass() throws Exception {
        assertThat(loader.load(data, Map.of()).moh()).isEqualTo(SwitchboardConfig.Moh.DEFAULT);
        assertThat(SwitchboardConfig.Moh.DEFAULT.defaultClass()).isEqualTo("default");
    }

    @Test
    void theDefaultClassIsRead() throws Exception {
        assertThat(load("moh:\n  default-class: jazz\n").moh().defaultClass()).isEqualTo("jazz");
    }

    @Test
    void aNameThatIsNotAFolderNameIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> load("moh:\n  default-class: ../etc\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("moh.default-class").hasMessageContaining("folder of DATA/moh");
        assertThatThrownBy(() -> load("moh:\n  music: loud\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("music");
    }
}
