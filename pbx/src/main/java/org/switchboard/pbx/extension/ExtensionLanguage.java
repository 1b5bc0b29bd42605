package org.switchboard.pbx.extension;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.switchboard.pbx.prompt.PromptLanguage;

/**
 * The rule for an extension's prompt language: what its callers hear from the server when they
 * call it (the voicemail system greeting) and what its owner hears in the mailbox menus. A
 * language tag whose primary subtag is one the bundled prompts are recorded in
 * ({@link PromptLanguage}), with an optional region that the grammar may use ({@code fr-CH} says
 * "septante"). Only that much of BCP 47 (RFC 5646 §2.1: language, then region as two letters or
 * three digits) is accepted, written with a dash or the POSIX underscore, and kept in its
 * canonical case (RFC 5646 §2.1.1): {@code FR_ch} is stored as {@code fr-CH}.
 */
public final class ExtensionLanguage {
    private ExtensionLanguage() { }

    private static final Pattern TAG = Pattern.compile("([A-Za-z]{2})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?");

    /** The rule, naming the languages there are prompts for. */
    public static final String RULE = "language must be one of " + Arrays.stream(PromptLanguage.values())
            .map(PromptLanguage::tag).collect(Collectors.joining(", "))
            + ", optionally with a region (fr-CH)";

    /** The canonical tag of {@code text} ({@code "fr_ch"} gives {@code "fr-CH"}), or empty when it breaks the {@link #RULE}. */
    public static Optional<String> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = TAG.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        String primary = m.group(1).toLowerCase(Locale.ROOT);
        if (PromptLanguage.of(primary).isEmpty()) return Optional.empty();
        return Optional.of(m.group(2) == null ? primary : primary + "-" + m.group(2).toUpperCase(Locale.ROOT));
    }

    /** True when {@code tag} follows the rule and is already in its canonical form. */
    public static boolean isCanonical(String tag) {
        return tag != null && parse(tag).filter(tag::equals).isPresent();
    }
}
