package org.switchboard.pbx.moh;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One file of a music class: the administrator's, or the one shipped in the jar. */
public sealed interface MusicTrack {

    /** A fresh stream over the whole WAV file, header included; the caller closes it. */
    InputStream open() throws IOException;

    /** What to call the track in logs: its path or resource name. */
    String name();

    /** An administrator's file, {@code DATA/moh/CLASS/NAME.wav}. */
    record File(Path path) implements MusicTrack {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String name() {
            return path.toString();
        }
    }

    /** A file shipped with Switchboard; {@code resource} is its absolute class-path name. */
    record Bundled(String resource) implements MusicTrack {
        public Bundled {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = MusicTrack.class.getResourceAsStream(resource);
            if (in == null) throw new FileNotFoundException("no bundled music " + resource);
            return in;
        }

        @Override
        public String name() {
            return "bundled " + resource;
        }
    }
}
