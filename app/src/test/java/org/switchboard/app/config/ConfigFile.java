package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code DATA/switchboard.yaml} in a test's data directory, loaded as the server loads it at start
 * (host name {@code pbx.example.com}, no command-line flags): the fixture of the section tests.
 */
record ConfigFile(Path data) {

    /** Loads what is in the data directory; without a file, every section at its defaults. */
    SwitchboardConfig read() throws ConfigException {
        return loader().load(data, Map.of());
    }

    /** Writes {@code yaml} as the file and loads it. */
    SwitchboardConfig load(String yaml) throws Exception {
        Files.writeString(data.resolve(SwitchboardConfig.FILE_NAME), yaml);
        return read();
    }

    /** The message of the {@link ConfigException} that loading {@code yaml} must fail with. */
    String error(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).actual().getMessage();
    }

    private static ConfigLoader loader() {
        return new ConfigLoader(() -> "pbx.example.com");
    }
}
