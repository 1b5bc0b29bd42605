package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.media.codec.MuLaw;

/** The recordings shipped in the jar: complete, matching the phrase lists, and fit to play. */
class BundledPromptsTest {

    private static final String ROOT = "/org/switchboard/pbx/prompt/";

    static Stream<Phrasing> phrasings() {
        return Stream.of(Phrasing.forTag("en"), Phrasing.forTag("fr"), Phrasing.forTag("fr-CH"), Phrasing.forTag("fr-BE"),
                Phrasing.forTag("de"));
    }

    @ParameterizedTest
    @MethodSource("phrasings")
    void every_key_a_phrasing_can_say_is_recorded_in_its_language(Phrasing phrasing) {
        PromptLanguage language = phrasing.language();
        Set<PromptKey> said = everythingSaid(phrasing);

        assertThat(said).allSatisfy(key -> {
            assertThat(key.recordedIn(language)).as("%s is recorded in %s", key.fileName(), language.tag()).isTrue();
            assertThat(BundledPromptsTest.class.getResource(ROOT + language.tag() + "/" + key.fileName() + ".wav"))
                    .as("bundled %s/%s.wav", language.tag(), key.fileName()).isNotNull();
        });
    }

    @ParameterizedTest
    @EnumSource(PromptLanguage.class)
    void the_phrase_list_and_the_recordings_match_the_keys_of_the_language(PromptLanguage language) throws IOException {
        PhraseList phrases = PhraseList.bundled(language);
        Set<PromptKey> expected = EnumSet.noneOf(PromptKey.class);
        for (PromptKey key : PromptKey.values()) if (key.recordedIn(language)) expected.add(key);

        assertThat(phrases.phrases().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        try (Stream<Path> files = Files.list(directory(language))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(key -> key.fileName() + ".wav").toList());
        }
    }

    @ParameterizedTest
    @EnumSource(PromptLanguage.class)
    void every_recording_is_phone_quality_u_law_short_and_audible(PromptLanguage language) throws IOException {
        try (Stream<Path> files = Files.list(directory(language))) {
            for (Path file : files.toList()) {
                WavHeader header;
                byte[] samples;
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readAllBytes();
                    WavCheck check = WavHeader.read(new ByteArrayInputStream(bytes));
                    assertThat(check).as(file.toString()).isInstanceOf(WavCheck.Valid.class);
                    header = ((WavCheck.Valid) check).header();
                    // RIFF pads a chunk of odd size with one byte (u-law has one byte per sample)
                    long padded = header.dataLength() + (header.dataLength() & 1);
                    assertThat(header.dataOffset() + padded).as(file.toString()).isEqualTo(bytes.length);
                    samples = Arrays.copyOfRange(bytes, (int) header.dataOffset(), (int) (header.dataOffset() + header.dataLength()));
                }
                assertThat(List.of(header.formatCode(), header.channels(), header.sampleRate(), header.bitsPerSample()))
                        .as("%s is u-law mono at 8 kHz", file).containsExactly(WavHeader.MU_LAW, 1, 8_000, 8);
                assertThat(header.duration()).as(file.toString()).isPositive().isLessThan(Duration.ofSeconds(10));
                assertThat(peakDbfs(samples)).as("peak of %s in dBFS", file).isBetween(-4.0, 0.0);
                assertThat(rmsDbfs(samples)).as("loudness of %s in dBFS", file).isGreaterThan(-30.0);
            }
        }
    }

    private static Path directory(PromptLanguage language) {
        try {
            return Path.of(BundledPromptsTest.class.getResource(ROOT + language.tag()).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double peakDbfs(byte[] uLaw) {
        int peak = 0;
        for (byte code : uLaw) peak = Math.max(peak, Math.abs(MuLaw.decode(code)));
        return 20 * Math.log10(peak / 32768.0);
    }

    private static double rmsDbfs(byte[] uLaw) {
        double sum = 0;
        for (byte code : uLaw) {
            double sample = MuLaw.decode(code) / 32768.0;
            sum += sample * sample;
        }
        return 10 * Math.log10(sum / uLaw.length);
    }

    /** Every key the phrasing can produce: numbers of every shape, every day of a leap year, every minute of a day, and the sentences. */
    private static Set<PromptKey> everythingSaid(Phrasing phrasing) {
        Set<PromptKey> keys = EnumSet.noneOf(PromptKey.class);
        // A number is said as its thousands and its rest, each below a thousand: every thousands
        // group with a few rests, and every rest, give every piece without walking a million numbers.
        for (Gender gender : Gender.values()) {
            for (int n = 0; n < 2000; n++) keys.addAll(phrasing.number(n, gender));
            for (int thousands = 1; thousands < 1000; thousands++) {
                for (int rest : new int[] {0, 1, 21, 80, 100, 180, 200}) keys.addAll(phrasing.number(thousands * 1000 + rest, gender));
            }
        }
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            keys.addAll(phrasing.dateWithYear(day));
        }
        for (LocalTime time = LocalTime.MIDNIGHT; ; time = time.plusMinutes(1)) {
            keys.addAll(phrasing.time(time));
            if (time.equals(LocalTime.MAX.withSecond(0).withNano(0))) break;
        }
        for (Counted what : Counted.values()) {
            for (int n = 0; n < 100; n++) keys.addAll(phrasing.count(n, what));
        }
        for (int fresh = 0; fresh < 3; fresh++) {
            for (int old = 0; old < 3; old++) keys.addAll(phrasing.mailboxSummary(fresh, old));
        }
        LocalDateTime received = LocalDateTime.of(2024, 2, 29, 23, 59);
        keys.addAll(phrasing.envelope(1, received, "+41 21 555 12 34*#"));
        keys.addAll(phrasing.envelope(2, received, "anonymous"));
        keys.addAll(phrasing.unavailable("1001"));
        keys.addAll(phrasing.busy("1001"));
        for (int seconds = 0; seconds < 3700; seconds++) keys.addAll(phrasing.duration(Duration.ofSeconds(seconds)));
        return keys;
    }
}
