package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where every process an end-to-end test starts writes its output: {@code target/e2e-logs}, one file per process run,
 * so that a failed test can be diagnosed from the files a CI run keeps.
 */
public final class E2eLogs {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private E2eLogs() {
    }

    /** The log folder, created on first use: {@code target/e2e-logs} under the module being tested. */
    public static Path directory() {
        Path dir = Path.of("target", "e2e-logs").toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder " + dir, e);
        }
    }

    /** A fresh file name in the log folder: {@code NNN-name.log}, numbered so that reruns of a name never overwrite. */
    public static Path newFile(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return directory().resolve("%03d-%s.log".formatted(SEQUENCE.incrementAndGet(), safe));
    }
}
