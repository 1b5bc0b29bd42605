package org.switchboard.pbx.prompt;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Key lists as the words of the bundled phrase lists, so expectations read like the language itself. */
final class Spoken {
    private Spoken() { }

    private static final Map<PromptLanguage, PhraseList> LISTS = new EnumMap<>(PromptLanguage.class);

    private static final Set<PromptKey> NUMBER_PIECES = EnumSet.of(PromptKey.HUNDRED, PromptKey.THOUSAND, PromptKey.AND,
            PromptKey.ONE_COMPOUND, PromptKey.ONE_FEMININE);

    /** The words separated by spaces: "one hundred and fifteen". */
    static String words(PromptLanguage language, List<PromptKey> keys) {
        StringBuilder text = new StringBuilder();
        for (PromptKey key : keys) {
            if (!text.isEmpty()) text.append(' ');
            text.append(text(language, key));
        }
        return text.toString();
    }

    /** German spelling: number pieces written together ("einundzwanzig Uhr dreißig"). */
    static String german(List<PromptKey> keys) {
        StringBuilder text = new StringBuilder();
        PromptKey previous = null;
        for (PromptKey key : keys) {
            if (previous != null && !(isNumberPiece(previous) && isNumberPiece(key))) text.append(' ');
            text.append(text(PromptLanguage.DE, key));
            previous = key;
        }
        return text.toString();
    }

    private static boolean isNumberPiece(PromptKey key) {
        String name = key.fileName();
        return NUMBER_PIECES.contains(key) || name.startsWith("digit-") || name.startsWith("number-");
    }

    private static synchronized String text(PromptLanguage language, PromptKey key) {
        PhraseList list = LISTS.computeIfAbsent(language, PhraseList::bundled);
        return list.text(key).orElseThrow(() -> new AssertionError(key.fileName() + " is not recorded in " + language.tag()));
    }
}
