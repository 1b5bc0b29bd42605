package org.switchboard.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.pbx.extension.ExtensionLanguage;
import org.switchboard.pbx.extension.MohClass;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.prompt.PromptLanguage;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code --language}, {@code --moh} and {@code --recording} of {@code extension add} and
 * {@code extension set}. The word {@code default} returns the language or the music class to the
 * server's ({@code voicemail.language}, {@code moh.default-class}). Values are checked here so a
 * typing mistake is told before anything is sent; the server checks them again.
 */
final class ExtensionSettingsOptions {
    static final String DEFAULT = "default";
    private static final String LANGUAGES = Arrays.stream(PromptLanguage.values()).map(PromptLanguage::tag)
            .collect(Collectors.joining(", "));

    @Option(names = "--language", paramLabel = "LANG|default", description = "Language of the prompts its callers hear"
            + " (voicemail greeting) and of its mailbox menus: en, fr or de, optionally with a region (fr-CH); 'default'"
            + " for the server's voicemail.language.")
    String language;
    @Option(names = "--moh", paramLabel = "CLASS|default", description = "Music on hold class its callers hear when its"
            + " phone holds them: a folder of DATA/moh/ (one without music plays the default class); 'default' for the"
            + " server's moh.default-class.")
    String moh;
    @Option(names = "--recording", paramLabel = "always|on-demand|never", description = "Call recording: 'always',"
            + " 'on-demand' (a feature code starts and stops it) or 'never' (the default).")
    String recording;

    boolean isEmpty() {
        return language == null && moh == null && recording == null;
    }

    /**
     * Puts the settings given into a request body ({@code language}, {@code mohClass}, {@code recording}; null for
     * {@code default}).
     *
     * @throws CliException (usage) for a value the server would refuse, naming the values allowed
     */
    void putInto(Map<String, Object> body) throws CliException {
        if (language != null) {
            body.put("language", isDefault(language) ? null : ExtensionLanguage.parse(language).orElseThrow(
                    () -> usage("--language takes " + LANGUAGES + " (a region may follow: fr-CH) or default, got '"
                            + language + "': for example --language fr")));
        }
        if (moh != null) {
            if (!isDefault(moh) && !MohClass.isValid(moh.strip())) {
                throw usage("--moh takes a music class or default, got '" + moh + "': " + MohClass.RULE
                        + ", for example --moh jazz");
            }
            body.put("mohClass", isDefault(moh) ? null : moh.strip());
        }
        if (recording != null) {
            RecordingPolicy policy = RecordingPolicy.parse(recording).orElseThrow(() -> usage("--recording takes always,"
                    + " on-demand or never, got '" + recording + "': for example --recording on-demand"));
            body.put("recording", policy.word());
        }
    }

    /** What the server stored of the settings given: {@code language fr-CH}, {@code music class (server default)}, ... */
    List<String> describe(JsonNode saved) {
        List<String> parts = new ArrayList<>(3);
        if (language != null) parts.add("language " + ownOrDefault(saved.path("language")));
        if (moh != null) parts.add("music class " + ownOrDefault(saved.path("mohClass")));
        if (recording != null) parts.add("recording " + saved.path("recording").asString("-"));
        return parts;
    }

    /** The value of a listed setting, {@value #DEFAULT} when the extension has none of its own. */
    static String shown(JsonNode value) {
        return value.isString() ? value.asString() : DEFAULT;
    }

    private static String ownOrDefault(JsonNode value) {
        return value.isString() ? value.asString() : "(server default)";
    }

    private static boolean isDefault(String value) {
        return value.strip().toLowerCase(Locale.ROOT).equals(DEFAULT);
    }

    private static CliException usage(String message) {
        return new CliException(message, SwitchboardCommand.USAGE);
    }
}
