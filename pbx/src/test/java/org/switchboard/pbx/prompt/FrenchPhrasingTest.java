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

class FrenchPhrasingTest {

    private final Phrasing france = Phrasing.forTag("fr");
    private final Phrasing switzerland = Phrasing.forTag("fr-CH");
    private final Phrasing belgium = Phrasing.forTag("fr_BE");

    private static String say(List<PromptKey> keys) {
        return Spoken.words(PromptLanguage.FR, keys);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0      | zéro
            1      | un
            7      | sept
            10     | dix
            11     | onze
            16     | seize
            17     | dix-sept
            19     | dix-neuf
            20     | vingt
            21     | vingt et un
            22     | vingt deux
            61     | soixante et un
            70     | soixante dix
            71     | soixante et onze
            72     | soixante douze
            79     | soixante dix-neuf
            80     | quatre-vingts
            81     | quatre-vingt un
            89     | quatre-vingt neuf
            90     | quatre-vingt dix
            91     | quatre-vingt onze
            99     | quatre-vingt dix-neuf
            100    | cent
            101    | cent un
            180    | cent quatre-vingts
            200    | deux cents
            201    | deux cent un
            999    | neuf cent quatre-vingt dix-neuf
            1000   | mille
            1001   | mille un
            2000   | deux mille
            2021   | deux mille vingt et un
            21000  | vingt et un mille
            80000  | quatre-vingt mille
            200000 | deux cent mille
            999999 | neuf cent quatre-vingt dix-neuf mille neuf cent quatre-vingt dix-neuf
            """)
    void says_numbers_as_in_France(int n, String words) {
        assertThat(say(france.number(n))).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            21     | vingt et un
            70     | septante
            71     | septante et un
            77     | septante sept
            80     | huitante
            81     | huitante et un
            90     | nonante
            91     | nonante et un
            99     | nonante neuf
            180    | cent huitante
            1980   | mille neuf cent huitante
            80000  | huitante mille
            999999 | neuf cent nonante neuf mille neuf cent nonante neuf
            """)
    void says_septante_huitante_nonante_in_Switzerland(int n, String words) {
        assertThat(say(switzerland.number(n))).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            71 | septante et un
            80 | quatre-vingts
            81 | quatre-vingt un
            91 | nonante et un
            """)
    void says_septante_quatre_vingts_nonante_in_Belgium(int n, String words) {
        assertThat(say(belgium.number(n))).isEqualTo(words);
    }

    @Test
    void says_une_before_a_feminine_noun() {
        assertThat(say(france.number(1, Gender.FEMININE))).isEqualTo("une");
        assertThat(say(france.number(21, Gender.FEMININE))).isEqualTo("vingt et une");
        assertThat(say(france.number(81, Gender.FEMININE))).isEqualTo("quatre-vingt une");
        assertThat(say(switzerland.number(81, Gender.FEMININE))).isEqualTo("huitante et une");
        assertThat(say(france.number(1, Gender.MASCULINE))).isEqualTo("un");
    }

    @Test
    void says_dates_with_premier_for_the_first() {
        assertThat(say(france.date(LocalDate.of(2021, 3, 1)))).isEqualTo("lundi premier mars");
        assertThat(say(france.date(LocalDate.of(2021, 3, 21)))).isEqualTo("dimanche vingt et un mars");
        assertThat(say(switzerland.dateWithYear(LocalDate.of(2021, 8, 1)))).isEqualTo("dimanche premier août deux mille vingt et un");
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            00:00 | zéro heure
            01:00 | une heure
            01:01 | une heure une
            02:00 | deux heures
            12:00 | douze heures
            14:05 | quatorze heures cinq
            14:30 | quatorze heures trente
            21:01 | vingt et une heures une
            23:59 | vingt trois heures cinquante neuf
            """)
    void says_times_on_the_24_hour_clock(String time, String words) {
        assertThat(say(france.time(LocalTime.parse(time)))).isEqualTo(words);
    }

    @Test
    void counts_messages_and_minutes_with_their_gender_and_number() {
        assertThat(say(france.count(1, Counted.NEW_MESSAGE))).isEqualTo("un nouveau message");
        assertThat(say(france.count(2, Counted.NEW_MESSAGE))).isEqualTo("deux nouveaux messages");
        assertThat(say(france.count(1, Counted.OLD_MESSAGE))).isEqualTo("un ancien message");
        assertThat(say(france.duration(Duration.ofSeconds(61)))).isEqualTo("une minute et une seconde");
        assertThat(say(france.duration(Duration.ZERO))).isEqualTo("zéro seconde");
    }

    @Test
    void summarises_a_mailbox_and_reads_an_envelope() {
        assertThat(say(switzerland.mailboxSummary(0, 0))).isEqualTo("Vous n'avez aucun message.");
        assertThat(say(switzerland.mailboxSummary(71, 1)))
                .isEqualTo("Vous avez septante et un nouveaux messages et un ancien message");
        assertThat(say(switzerland.envelope(2, LocalDateTime.of(2021, 3, 1, 14, 30), "+41215551234"))).isEqualTo(
                "Message numéro deux Reçu le lundi premier mars à quatorze heures trente de la part du"
                        + " plus quatre un deux un cinq cinq cinq un deux trois quatre");
        assertThat(say(france.unavailable("1001"))).isEqualTo("La personne au numéro un zéro zéro un n'est pas disponible.");
    }
}
