package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Month;
import org.junit.jupiter.api.Test;

class PromptKeyTest {

    @Test
    void names_files_in_lower_case_with_dashes() {
        assertThat(PromptKey.DIGIT_7.fileName()).isEqualTo("digit-7");
        assertThat(PromptKey.VM_ENTER_PIN.fileName()).isEqualTo("vm-enter-pin");
        assertThat(PromptKey.byFileName("number-80-stem")).contains(PromptKey.NUMBER_80_STEM);
        assertThat(PromptKey.byFileName("../etc/passwd")).isEmpty();
        for (PromptKey key : PromptKey.values()) assertThat(PromptKey.byFileName(key.fileName())).contains(key);
    }

    @Test
    void finds_the_pieces_of_numbers_and_dates() {
        assertThat(PromptKey.digit(0)).isEqualTo(PromptKey.DIGIT_0);
        assertThat(PromptKey.number(9)).isEqualTo(PromptKey.DIGIT_9);
        assertThat(PromptKey.number(14)).isEqualTo(PromptKey.NUMBER_14);
        assertThat(PromptKey.number(90)).isEqualTo(PromptKey.NUMBER_90);
        assertThat(PromptKey.ordinal(31)).isEqualTo(PromptKey.ORDINAL_31);
        assertThat(PromptKey.weekday(DayOfWeek.SUNDAY)).isEqualTo(PromptKey.WEEKDAY_SUNDAY);
        assertThat(PromptKey.month(Month.DECEMBER)).isEqualTo(PromptKey.MONTH_DECEMBER);
        assertThatThrownBy(() -> PromptKey.number(21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromptKey.digit(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromptKey.ordinal(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void records_language_specific_pieces_only_where_needed() {
        assertThat(PromptKey.GOODBYE.languages()).containsExactlyInAnyOrder(PromptLanguage.values());
        assertThat(PromptKey.NUMBER_80_PLURAL.languages()).containsExactly(PromptLanguage.FR);
        assertThat(PromptKey.ONE_COMPOUND.recordedIn(PromptLanguage.EN)).isFalse();
    }
}
