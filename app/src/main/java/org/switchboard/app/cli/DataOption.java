package org.switchboard.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the data directory a command works on, shared by every command. */
final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory (default: ./data).")
    Path dir;

    Path path() {
        return dir.toAbsolutePath().normalize();
    }
}
