package org.switchboard.pbx.prompt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the recording to play for a key in a language, in this order:
 * <ol>
 *   <li>the administrator's own, {@code DATA/prompts/LANG/KEY.wav} (any WAV sox can make,
 *       see {@link WavHeader}); an unusable one is skipped with one WARN line naming the file and
 *       what is wrong with it;</li>
 *   <li>the bundled one, {@code org/switchboard/pbx/prompt/LANG/KEY.wav} on the class path;</li>
 *   <li>the English one (custom, then bundled), with one WARN line per language and key;</li>
 *   <li>else a {@link MissingPromptException}.</li>
 * </ol>
 * Language tags map to their primary language ({@code fr-CH} plays {@code fr}); a language with no
 * prompts plays English, said once in the log. The administrator's directory is looked at on
 * every lookup, so a new recording plays from the next call without a restart; bundled headers
 * are read once. Thread-safe. It names and opens recordings; decoding is the media pipeline's.
 */
public final class PromptLibrary {
    /** The folder of the administrator's own recordings inside the data directory: {@code DATA/prompts/LANG/KEY.wav}. */
    public static final String FOLDER = "prompts";


    private static final Logger LOG = LoggerFactory.getLogger(PromptLibrary.class);
    static final String BUNDLED_ROOT = "/org/switchboard/pbx/prompt/";

    private final Path customRoot;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<Prompt>> bundled = new ConcurrentHashMap<>();

    /** Prompts under {@code customRoot} ({@code DATA/prompts}; it need not exist) over the bundled ones; warnings to the log. */
    public PromptLibrary(Path customRoot) {
        this(customRoot, LOG::warn);
    }

    /** As {@link #PromptLibrary(Path)}, each warning given to {@code warnings} as one line. */
    public PromptLibrary(Path customRoot, Consumer<String> warnings) {
        this.customRoot = Objects.requireNonNull(customRoot, "customRoot");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** The recording of {@code key} for an extension's language tag ({@code fr-CH}, {@code de_CH}, {@code en}). */
    public Prompt prompt(String languageTag, PromptKey key) {
        return prompt(language(languageTag), key);
    }

    /** The recordings of {@code keys}, in order, as a {@link Phrasing} gives them. */
    public List<Prompt> prompts(String languageTag, List<PromptKey> keys) {
        PromptLanguage language = language(languageTag);
        return keys.stream().map(key -> prompt(language, key)).toList();
    }

    public Prompt prompt(PromptLanguage language, PromptKey key) {
        Objects.requireNonNull(key, "key");
        Optional<Prompt> found = find(language, key);
        if (found.isPresent()) return found.get();
        if (language != PromptLanguage.EN) {
            Optional<Prompt> english = find(PromptLanguage.EN, key);
            if (english.isPresent()) {
                warnOnce("fallback:" + language + ":" + key, "prompt " + key.fileName() + " has no " + language.tag()
                        + " recording; playing the English one (add " + customFile(language, key) + ")");
                return english.get();
            }
        }
        throw new MissingPromptException("no prompt " + key.fileName() + " in " + language.tag()
                + ": neither " + customFile(language, key) + " nor a bundled recording exists, nor an English one");
    }

    private PromptLanguage language(String tag) {
        return PromptLanguage.of(tag).orElseGet(() -> {
            warnOnce("language:" + tag, "no prompts in language '" + tag + "'; playing English (bundled: en, fr, de)");
            return PromptLanguage.EN;
        });
    }

    private Optional<Prompt> find(PromptLanguage language, PromptKey key) {
        return custom(language, key).or(() -> bundled(language, key));
    }

    private Path customFile(PromptLanguage language, PromptKey key) {
        return customRoot.resolve(language.tag()).resolve(key.fileName() + ".wav");
    }

    private Optional<Prompt> custom(PromptLanguage language, PromptKey key) {
        Path file = customFile(language, key);
        if (!Files.exists(file)) return Optional.empty();
        WavCheck check = Files.isRegularFile(file) ? readHeader(file) : new WavCheck.Invalid("not a regular file");
        return switch (check) {
            case WavCheck.Valid valid -> Optional.of(new Prompt(key, language, new PromptSource.Custom(file), valid.header()));
            case WavCheck.Invalid invalid -> {
                warnOnce("custom:" + file + ":" + fileStamp(file), "custom prompt " + file + " is not usable ("
                        + invalid.reason() + "); playing the bundled one");
                yield Optional.empty();
            }
        };
    }

    private static WavCheck readHeader(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 512)) {
            return WavHeader.read(in);
        } catch (IOException e) {
            return new WavCheck.Invalid("cannot open: " + e.getMessage());
        }
    }

    /** Size and time of {@code file}, so a replaced file that is broken again is reported again. */
    private static String fileStamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "?";
        }
    }

    private Optional<Prompt> bundled(PromptLanguage language, PromptKey key) {
        String resource = BUNDLED_ROOT + language.tag() + "/" + key.fileName() + ".wav";
        return bundled.computeIfAbsent(resource, name -> {
            PromptSource.Bundled source = new PromptSource.Bundled(name);
            try (InputStream in = PromptLibrary.class.getResourceAsStream(name)) {
                if (in == null) return Optional.empty();
                return switch (WavHeader.read(new BufferedInputStream(in, 512))) {
                    case WavCheck.Valid valid -> Optional.of(new Prompt(key, language, source, valid.header()));
                    case WavCheck.Invalid invalid -> {
                        warnOnce("bundled:" + name, "bundled prompt " + name + " is damaged (" + invalid.reason() + ")");
                        yield Optional.empty();
                    }
                };
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private void warnOnce(String what, String line) {
        if (warned.add(what)) warnings.accept(line);
    }
}
