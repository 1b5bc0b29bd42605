package org.switchboard.pbx.prompt;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the bundled prompts are recorded in. An extension's language is a tag such as
 * {@code fr-CH} or {@code de_CH} (BCP 47, RFC 5646, or the POSIX spelling); prompts are chosen by
 * its primary subtag only, the region matters to the grammar ({@link FrenchPhrasing.Variant}).
 */
public enum PromptLanguage {
    EN, FR, DE;

    /** The primary subtag, also the directory name of the prompts: {@code en}, {@code fr}, {@code de}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of {@code tag} ({@code "fr"}, {@code "fr-CH"}, {@code "de_CH"}, {@code "EN"}), or empty when none is bundled. */
    public static Optional<PromptLanguage> of(String tag) {
        String primary = primarySubtag(tag);
        for (PromptLanguage language : values()) {
            if (language.tag().equals(primary)) return Optional.of(language);
        }
        return Optional.empty();
    }

    /** The region subtag of {@code tag} in lower case ({@code "ch"} for {@code fr-CH}), or {@code ""}. */
    static String regionSubtag(String tag) {
        if (tag == null) return "";
        String[] parts = tag.trim().split("[-_]");
        return parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
    }

    private static String primarySubtag(String tag) {
        if (tag == null) return "";
        return tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
