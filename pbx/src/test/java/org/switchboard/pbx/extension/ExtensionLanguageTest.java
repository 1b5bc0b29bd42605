package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.pbx.prompt.PromptLanguage;

class ExtensionLanguageTest {

    @Test
    void aPromptLanguageWithOrWithoutRegionIsKeptInCanonicalCase() {
        assertThat(ExtensionLanguage.parse("fr")).contains("fr");
        assertThat(ExtensionLanguage.parse(" DE ")).contains("de");
        assertThat(ExtensionLanguage.parse("fr-CH")).contains("fr-CH");
        assertThat(ExtensionLanguage.parse("FR_ch")).as("the POSIX spelling").contains("fr-CH");
        assertThat(ExtensionLanguage.parse("en-419")).contains("en-419");
    }

    @Test
    void languagesWithoutPromptsAndOtherTextAreRefused() {
        for (String bad : new String[] {"es", "it-CH", "english", "f", "fr-", "fr-CHE", "fr-CH-x-old", "fr/CH", "../en",
                "", " ", "fré"}) {
            assertThat(ExtensionLanguage.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ExtensionLanguage.parse(null)).isEmpty();
    }

    @Test
    void theRuleNamesEveryPromptLanguage() {
        for (PromptLanguage l : PromptLanguage.values()) assertThat(ExtensionLanguage.RULE).contains(l.tag());
        assertThat(ExtensionLanguage.RULE).isEqualTo("language must be one of en, fr, de, optionally with a region (fr-CH)");
    }

    @Test
    void onlyTheCanonicalSpellingIsCanonical() {
        assertThat(ExtensionLanguage.isCanonical("fr-CH")).isTrue();
        assertThat(ExtensionLanguage.isCanonical("fr_CH")).isFalse();
        assertThat(ExtensionLanguage.isCanonical("FR")).isFalse();
        assertThat(ExtensionLanguage.isCanonical(" fr")).isFalse();
        assertThat(ExtensionLanguage.isCanonical(null)).isFalse();
    }
}
