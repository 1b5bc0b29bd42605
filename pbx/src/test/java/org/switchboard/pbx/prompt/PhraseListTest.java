package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseListTest {

    @Test
    void reads_keys_and_texts_and_skips_comments() {
        PhraseList list = PhraseList.parse(PromptLanguage.FR, List.of("# comment", "", "goodbye\tAu revoir.", "digit-1\tun"));
        assertThat(list.text(PromptKey.GOODBYE)).contains("Au revoir.");
        assertThat(list.text(PromptKey.DIGIT_1)).contains("un");
        assertThat(list.text(PromptKey.DIGIT_2)).isEmpty();
    }

    @Test
    void names_the_line_of_a_mistake() {
        assertThatThrownBy(() -> PhraseList.parse(PromptLanguage.EN, List.of("goodbye Goodbye")))
                .hasMessage("phrases-en.tsv line 1: expected key<TAB>text");
        assertThatThrownBy(() -> PhraseList.parse(PromptLanguage.EN, List.of("#", "good-bye\tGoodbye")))
                .hasMessage("phrases-en.tsv line 2: unknown key 'good-bye'");
        assertThatThrownBy(() -> PhraseList.parse(PromptLanguage.EN, List.of("goodbye\tBye", "goodbye\tBye")))
                .hasMessage("phrases-en.tsv line 2: goodbye appears twice");
        assertThatThrownBy(() -> PhraseList.parse(PromptLanguage.EN, List.of("goodbye\t ")))
                .hasMessage("phrases-en.tsv line 1: no text for goodbye");
    }

    @Test
    void ships_a_list_per_language() {
        assertThat(PhraseList.bundled(PromptLanguage.DE).text(PromptKey.HASH)).contains("Raute");
        assertThat(PhraseList.bundled(PromptLanguage.FR).text(PromptKey.HASH)).contains("dièse");
        assertThat(PhraseList.bundled(PromptLanguage.EN).text(PromptKey.VM_LEAVE_MESSAGE)).contains("Please leave a message after the tone.");
    }
}
