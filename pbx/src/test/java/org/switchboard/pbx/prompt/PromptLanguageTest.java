package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptLanguageTest {

    @Test
    void maps_regional_tags_to_their_base_language() {
        assertThat(PromptLanguage.of("fr-CH")).contains(PromptLanguage.FR);
        assertThat(PromptLanguage.of("de_CH")).contains(PromptLanguage.DE);
        assertThat(PromptLanguage.of(" EN ")).contains(PromptLanguage.EN);
        assertThat(PromptLanguage.of("en-GB-oxendict")).contains(PromptLanguage.EN);
    }

    @Test
    void knows_no_other_language() {
        assertThat(PromptLanguage.of("it")).isEmpty();
        assertThat(PromptLanguage.of("french")).isEmpty();
        assertThat(PromptLanguage.of("")).isEmpty();
        assertThat(PromptLanguage.of(null)).isEmpty();
    }

    @Test
    void names_the_prompt_directory() {
        assertThat(PromptLanguage.FR.tag()).isEqualTo("fr");
    }
}
