package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasingTest {

    @Test
    void picks_the_grammar_from_the_language_tag() {
        assertThat(Phrasing.forTag("en")).isEqualTo(new EnglishPhrasing());
        assertThat(Phrasing.forTag("de_CH")).isEqualTo(new GermanPhrasing());
        assertThat(Phrasing.forTag("fr")).isEqualTo(new FrenchPhrasing(FrenchPhrasing.Variant.FRANCE));
        assertThat(Phrasing.forTag("fr-FR")).isEqualTo(new FrenchPhrasing(FrenchPhrasing.Variant.FRANCE));
        assertThat(Phrasing.forTag("fr-CH")).isEqualTo(new FrenchPhrasing(FrenchPhrasing.Variant.SWITZERLAND));
        assertThat(Phrasing.forTag("fr_ch")).isEqualTo(new FrenchPhrasing(FrenchPhrasing.Variant.SWITZERLAND));
        assertThat(Phrasing.forTag("fr-BE")).isEqualTo(new FrenchPhrasing(FrenchPhrasing.Variant.BELGIUM));
    }

    @Test
    void speaks_English_for_a_language_without_prompts() {
        assertThat(Phrasing.forTag("it-CH").language()).isEqualTo(PromptLanguage.EN);
        assertThat(Phrasing.forTag("").language()).isEqualTo(PromptLanguage.EN);
        assertThat(Phrasing.forTag(null).language()).isEqualTo(PromptLanguage.EN);
    }
}
