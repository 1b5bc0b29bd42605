package org.switchboard.pbx.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A recording found for a key: in {@code language} (English when the asked one had none), from
 * {@code source}, in {@code format} (checked when it was found; playback resamples as needed).
 */
public record Prompt(PromptKey key, PromptLanguage language, PromptSource source, WavHeader format) {

    public Prompt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
    }

    /** A fresh stream over the whole WAV file; the caller closes it. */
    public InputStream open() throws IOException {
        return source.open();
    }

    public boolean isCustom() {
        return source instanceof PromptSource.Custom;
    }
}
