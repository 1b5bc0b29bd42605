package org.switchboard.pbx.voice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.channel.WavSource;
import org.switchboard.pbx.prompt.MissingPromptException;
import org.switchboard.pbx.prompt.Phrasing;
import org.switchboard.pbx.prompt.Prompt;
import org.switchboard.pbx.prompt.PromptLibrary;

/**
 * Opens {@link Announcement}s in one language at one rate (the line's: the prompts are u-law
 * 8 kHz files, a greeting may be 16 kHz; each part is converted, so a wideband leg plays
 * wideband recordings as they are). A part that cannot be opened (a greeting file deleted behind
 * the index, a prompt recorded in no language) is left out with one WARN line: the caller misses
 * that part, not the call.
 */
public final class Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final PromptLibrary library;
    private final String language;
    private final Phrasing phrasing;
    private final int sampleRate;

    /**
     * @param languageTag the prompts' language ({@code en}, {@code fr-CH}); an unknown one plays English
     * @param sampleRate  the rate of what {@link #open} gives, in Hz (the line's)
     */
    public Announcer(PromptLibrary library, String languageTag, int sampleRate) {
        this.library = Objects.requireNonNull(library, "library");
        this.language = Objects.requireNonNull(languageTag, "languageTag");
        if (sampleRate < 8000 || sampleRate > 48_000) {
            throw new IllegalArgumentException("a line's rate is 8000 to 48000 Hz, not " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.phrasing = Phrasing.forTag(languageTag);
    }

    public String language() {
        return language;
    }

    /** The grammar of the language: numbers, dates, counts, envelopes. */
    public Phrasing phrasing() {
        return phrasing;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The same prompts in another language (the mailbox's, once its owner logged in). */
    public Announcer speaking(String languageTag) {
        return new Announcer(library, languageTag, sampleRate);
    }

    /** The parts of {@code announcement} that can be opened, ready to play; the player closes it. */
    public AnnouncementSource open(Announcement announcement) {
        List<String> labels = new ArrayList<>();
        List<AudioSource> sources = new ArrayList<>();
        for (Announcement.Part part : announcement.parts()) {
            AudioSource source = open(part);
            if (source == null) continue;
            labels.add(part.label());
            sources.add(source);
        }
        return new AnnouncementSource(sampleRate, labels, sources);
    }

    private AudioSource open(Announcement.Part part) {
        try {
            return switch (part) {
                case Announcement.Part.Prompt p -> {
                    Prompt prompt = library.prompt(language, p.key());
                    yield WavSource.of(prompt::open, false, prompt.key().fileName());
                }
                case Announcement.Part.Recording r -> WavSource.open(r.file(), false);
                case Announcement.Part.Tone t -> new ToneSource(t.tones(), sampleRate);
                case Announcement.Part.Pause p -> ToneSource.silence(p.millis(), sampleRate);
            };
        } catch (IOException | MissingPromptException | IllegalArgumentException e) {
            LOG.warn("Cannot play {} ({}): the caller does not hear it", part.label(), e.getMessage());
            return null;
        }
    }
}
