package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanPhrasingTest {

    private final Phrasing german = Phrasing.forTag("de-CH");

    private static String say(List<PromptKey> keys) {
        return Spoken.german(keys);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0      | null
            1      | eins
            7      | sieben
            10     | zehn
            11     | elf
            12     | zwölf
            13     | dreizehn
            16     | sechzehn
            17     | siebzehn
            19     | neunzehn
            20     | zwanzig
            21     | einundzwanzig
            22     | zweiundzwanzig
            70     | siebzig
            71     | einundsiebzig
            80     | achtzig
            99     | neunundneunzig
            100    | hundert
            101    | hunderteins
            111    | hundertelf
            121    | hunderteinundzwanzig
            200    | zweihundert
            999    | neunhundertneunundneunzig
            1000   | tausend
            1001   | tausendeins
            2021   | zweitausendeinundzwanzig
            21000  | einundzwanzigtausend
            101000 | hunderteintausend
            999999 | neunhundertneunundneunzigtausendneunhundertneunundneunzig
            """)
    void says_numbers_with_units_before_tens(int n, String words) {
        assertThat(say(german.number(n))).isEqualTo(words);
    }

    @Test
    void says_ein_and_eine_before_a_noun() {
        assertThat(say(german.number(1, Gender.MASCULINE))).isEqualTo("ein");
        assertThat(say(german.number(1, Gender.FEMININE))).isEqualTo("eine");
        assertThat(say(german.number(21, Gender.FEMININE))).isEqualTo("einundzwanzig");
    }

    @Test
    void says_dates_with_dative_ordinals() {
        assertThat(say(german.date(LocalDate.of(2021, 3, 1)))).isEqualTo("Montag dem ersten März");
        assertThat(say(german.date(LocalDate.of(2024, 12, 31)))).isEqualTo("Dienstag dem einunddreißigsten Dezember");
        assertThat(say(german.dateWithYear(LocalDate.of(2021, 3, 7)))).isEqualTo("Sonntag dem siebten März zweitausendeinundzwanzig");
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            00:00 | null Uhr
            00:05 | null Uhr fünf
            01:00 | ein Uhr
            13:01 | dreizehn Uhr eins
            14:30 | vierzehn Uhr dreißig
            21:21 | einundzwanzig Uhr einundzwanzig
            23:59 | dreiundzwanzig Uhr neunundfünfzig
            """)
    void says_times_on_the_24_hour_clock(String time, String words) {
        assertThat(say(german.time(LocalTime.parse(time)))).isEqualTo(words);
    }

    @Test
    void counts_messages_in_singular_and_plural() {
        assertThat(say(german.count(1, Counted.NEW_MESSAGE))).isEqualTo("eine neue Nachricht");
        assertThat(say(german.count(2, Counted.NEW_MESSAGE))).isEqualTo("zwei neue Nachrichten");
        assertThat(say(german.count(0, Counted.OLD_MESSAGE))).isEqualTo("null alte Nachrichten");
        assertThat(say(german.duration(Duration.ofSeconds(60)))).isEqualTo("eine Minute");
        assertThat(Spoken.words(PromptLanguage.DE, german.duration(Duration.ofSeconds(150))))
                .isEqualTo("zwei Minuten und dreißig Sekunden");
    }

    @Test
    void summarises_a_mailbox_and_reads_an_envelope() {
        assertThat(Spoken.words(PromptLanguage.DE, german.mailboxSummary(1, 2)))
                .isEqualTo("Sie haben eine neue Nachricht und zwei alte Nachrichten");
        assertThat(Spoken.words(PromptLanguage.DE, german.envelope(3, LocalDateTime.of(2021, 3, 1, 9, 5), "")))
                .isEqualTo("Nachricht Nummer drei Empfangen am Montag dem ersten März um neun Uhr fünf von einem unbekannten Anrufer.");
        assertThat(Spoken.words(PromptLanguage.DE, german.busy("1001")))
                .isEqualTo("Der Teilnehmer mit der Nummer eins null null eins spricht gerade.");
    }
}
