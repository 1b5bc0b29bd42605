package org.switchboard.pbx.prompt;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where a prompt's recording comes from: the administrator's own file, or the one shipped in the jar. */
public sealed interface PromptSource {

    /** A fresh stream over the whole WAV file, header included; the caller closes it. */
    InputStream open() throws IOException;

    /** An administrator's recording, {@code DATA/prompts/LANG/KEY.wav}. */
    record Custom(Path file) implements PromptSource {
        public Custom {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    /** A recording shipped with Switchboard; {@code resource} is its absolute class-path name. */
    record Bundled(String resource) implements PromptSource {
        public Bundled {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = PromptSource.class.getResourceAsStream(resource);
            if (in == null) throw new FileNotFoundException("no bundled prompt " + resource);
            return in;
        }
    }
}
