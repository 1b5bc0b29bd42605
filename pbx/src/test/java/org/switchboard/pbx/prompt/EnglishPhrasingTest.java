package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishPhrasingTest {

    private final Phrasing english = Phrasing.forTag("en-GB");

    private static String say(List<PromptKey> keys) {
        return Spoken.words(PromptLanguage.EN, keys);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0      | zero
            1      | one
            7      | seven
            10     | ten
            11     | eleven
            12     | twelve
            13     | thirteen
            15     | fifteen
            19     | nineteen
            20     | twenty
            21     | twenty one
            70     | seventy
            71     | seventy one
            80     | eighty
            81     | eighty one
            90     | ninety
            99     | ninety nine
            100    | one hundred
            101    | one hundred and one
            115    | one hundred and fifteen
            200    | two hundred
            999    | nine hundred and ninety nine
            1000   | one thousand
            1001   | one thousand and one
            1100   | one thousand one hundred
            1115   | one thousand one hundred and fifteen
            2021   | two thousand and twenty one
            21000  | twenty one thousand
            100000 | one hundred thousand
            101000 | one hundred and one thousand
            999999 | nine hundred and ninety nine thousand nine hundred and ninety nine
            """)
    void says_numbers_the_British_way(int n, String words) {
        assertThat(say(english.number(n))).isEqualTo(words);
    }

    @Test
    void refuses_numbers_out_of_range_with_the_range() {
        assertThatThrownBy(() -> english.number(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..999999");
        assertThatThrownBy(() -> english.number(1_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void says_dates_with_ordinal_days() {
        assertThat(say(english.date(LocalDate.of(2021, 3, 1)))).isEqualTo("Monday the first of March");
        assertThat(say(english.date(LocalDate.of(2024, 12, 31)))).isEqualTo("Tuesday the thirty-first of December");
        assertThat(say(english.dateWithYear(LocalDate.of(2021, 3, 22))))
                .isEqualTo("Monday the twenty-second of March two thousand and twenty one");
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            00:00 | twelve a.m.
            00:30 | twelve thirty a.m.
            09:45 | nine forty five a.m.
            12:00 | twelve p.m.
            14:05 | two oh five p.m.
            14:30 | two thirty p.m.
            23:59 | eleven fifty nine p.m.
            """)
    void says_times_on_the_12_hour_clock(String time, String words) {
        assertThat(say(english.time(LocalTime.parse(time)))).isEqualTo(words);
    }

    @Test
    void counts_messages_in_singular_and_plural() {
        assertThat(say(english.count(1, Counted.NEW_MESSAGE))).isEqualTo("one new message");
        assertThat(say(english.count(2, Counted.NEW_MESSAGE))).isEqualTo("two new messages");
        assertThat(say(english.count(21, Counted.OLD_MESSAGE))).isEqualTo("twenty one old messages");
    }

    @Test
    void summarises_a_mailbox() {
        assertThat(say(english.mailboxSummary(0, 0))).isEqualTo("You have no messages.");
        assertThat(say(english.mailboxSummary(1, 0))).isEqualTo("You have one new message");
        assertThat(say(english.mailboxSummary(2, 1))).isEqualTo("You have two new messages and one old message");
        assertThat(say(english.mailboxSummary(0, 3))).isEqualTo("You have no new messages. You have three old messages");
        assertThatThrownBy(() -> english.mailboxSummary(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_an_envelope_with_the_caller_digit_by_digit() {
        LocalDateTime received = LocalDateTime.of(2021, 3, 1, 14, 30);
        assertThat(say(english.envelope(3, received, "1001"))).isEqualTo(
                "Message three Received on Monday the first of March at two thirty p.m. from one zero zero one");
        assertThat(say(english.envelope(1, received, "anonymous"))).endsWith("p.m. from an unknown caller.");
        assertThat(say(english.envelope(1, received, null))).endsWith("from an unknown caller.");
    }

    @Test
    void reads_digit_strings_and_skips_separators() {
        assertThat(say(english.digits("+41 (21) 555-12.3/4*#"))).isEqualTo(
                "plus four one two one five five five one two three four star hash");
        assertThatThrownBy(() -> english.digits("12a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'").hasMessageContaining("position 2");
    }

    @Test
    void says_the_system_greetings() {
        assertThat(say(english.unavailable("1001"))).isEqualTo("The person at extension one zero zero one is unavailable.");
        assertThat(say(english.busy("42"))).isEqualTo("The person at extension four two is busy.");
    }

    @Test
    void says_durations() {
        assertThat(say(english.duration(Duration.ofSeconds(125)))).isEqualTo("two minutes and five seconds");
        assertThat(say(english.duration(Duration.ofSeconds(60)))).isEqualTo("one minute");
        assertThat(say(english.duration(Duration.ofSeconds(1)))).isEqualTo("one second");
        assertThat(say(english.duration(Duration.ZERO))).isEqualTo("zero seconds");
        assertThatThrownBy(() -> english.duration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
