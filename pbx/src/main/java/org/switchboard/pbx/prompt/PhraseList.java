package org.switchboard.pbx.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each bundled prompt says in one language, from {@code phrases-LANG.tsv}: the script that
 * makes the recordings reads the same list, and an administrator recording a replacement (or a
 * console showing the prompts) reads the text here. Lines are {@code key<TAB>text}; blank lines
 * and lines starting with {@code #} are comments.
 */
public record PhraseList(PromptLanguage language, Map<PromptKey, String> phrases) {

    public PhraseList {
        Objects.requireNonNull(language, "language");
        phrases = Collections.unmodifiableMap(phrases.isEmpty() ? new EnumMap<>(PromptKey.class) : new EnumMap<>(phrases));
    }

    /** The list shipped with Switchboard. */
    public static PhraseList bundled(PromptLanguage language) {
        String resource = PromptLibrary.BUNDLED_ROOT + "phrases-" + language.tag() + ".tsv";
        try (InputStream in = PhraseList.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no bundled phrase list " + resource);
            return parse(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Parses the lines of a phrase list; a malformed line, an unknown key or a repeated one is an error naming the line. */
    public static PhraseList parse(PromptLanguage language, List<String> lines) {
        Map<PromptKey, String> phrases = new EnumMap<>(PromptKey.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            String where = "phrases-" + language.tag() + ".tsv line " + (i + 1) + ": ";
            if (tab < 0) throw new IllegalArgumentException(where + "expected key<TAB>text");
            String name = line.substring(0, tab);
            String text = line.substring(tab + 1).strip();
            PromptKey key = PromptKey.byFileName(name)
                    .orElseThrow(() -> new IllegalArgumentException(where + "unknown key '" + name + "'"));
            if (text.isEmpty()) throw new IllegalArgumentException(where + "no text for " + name);
            if (phrases.putIfAbsent(key, text) != null) throw new IllegalArgumentException(where + name + " appears twice");
        }
        return new PhraseList(language, phrases);
    }

    /** The words of {@code key}, if this language records it. */
    public Optional<String> text(PromptKey key) {
        return Optional.ofNullable(phrases.get(key));
    }
}
