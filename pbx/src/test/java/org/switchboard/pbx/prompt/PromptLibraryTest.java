package org.switchboard.pbx.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    @TempDir
    Path data;

    private final List<String> warnings = new ArrayList<>();

    private PromptLibrary library() {
        return new PromptLibrary(data.resolve("prompts"), warnings::add);
    }

    private Path custom(String language, PromptKey key, byte[] content) throws IOException {
        Path file = data.resolve("prompts").resolve(language).resolve(key.fileName() + ".wav");
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static byte[] contentOf(Prompt prompt) throws IOException {
        try (InputStream in = prompt.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void plays_the_bundled_recording_by_default() throws IOException {
        Prompt prompt = library().prompt("fr-CH", PromptKey.GOODBYE);

        assertThat(prompt.source()).isEqualTo(new PromptSource.Bundled("/org/switchboard/pbx/prompt/fr/goodbye.wav"));
        assertThat(prompt.language()).isEqualTo(PromptLanguage.FR);
        assertThat(prompt.isCustom()).isFalse();
        assertThat(prompt.format().sampleRate()).isEqualTo(8_000);
        assertThat(new String(contentOf(prompt), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(warnings).isEmpty();
    }

    @Test
    void plays_the_administrators_recording_over_the_bundled_one() throws IOException {
        byte[] recording = Wavs.pcm16(8000, 1, (short) 1000, (short) -1000, (short) 500);
        Path file = custom("fr", PromptKey.GOODBYE, recording);

        Prompt prompt = library().prompt("fr-CH", PromptKey.GOODBYE);

        assertThat(prompt.source()).isEqualTo(new PromptSource.Custom(file));
        assertThat(prompt.isCustom()).isTrue();
        assertThat(prompt.format().sampleRate()).isEqualTo(8000);
        assertThat(contentOf(prompt)).isEqualTo(recording);
        assertThat(library().prompt("de", PromptKey.GOODBYE).isCustom()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void picks_up_a_recording_added_while_running() throws IOException {
        PromptLibrary library = library();
        assertThat(library.prompt("en", PromptKey.PLEASE_HOLD).isCustom()).isFalse();

        custom("en", PromptKey.PLEASE_HOLD, Wavs.pcm16(16_000, 1, (short) 1, (short) 2));

        assertThat(library.prompt("en", PromptKey.PLEASE_HOLD).isCustom()).isTrue();
    }

    @Test
    void falls_back_to_the_bundled_recording_with_one_warning_when_the_custom_one_is_unusable() throws IOException {
        Path file = custom("de", PromptKey.GOODBYE, "ID3 not a wav at all".getBytes());
        PromptLibrary library = library();

        Prompt first = library.prompt("de", PromptKey.GOODBYE);
        Prompt second = library.prompt("de", PromptKey.GOODBYE);

        assertThat(first.source()).isEqualTo(new PromptSource.Bundled("/org/switchboard/pbx/prompt/de/goodbye.wav"));
        assertThat(second).isEqualTo(first);
        assertThat(warnings).containsExactly("custom prompt " + file + " is not usable (not a RIFF/WAVE file); playing the bundled one");
    }

    @Test
    void refuses_an_encoding_playback_cannot_decode() throws IOException {
        custom("en", PromptKey.GOODBYE, Wavs.riff(Wavs.chunk("fmt ", Wavs.fmt(0x11, 1, 8000, 4)), Wavs.chunk("data", new byte[100])));

        assertThat(library().prompt("en", PromptKey.GOODBYE).isCustom()).isFalse();
        assertThat(warnings).singleElement().asString().contains("unsupported encoding").contains("sox IN.wav -b 16");
    }

    @Test
    void accepts_other_formats_sox_makes() throws IOException {
        custom("en", PromptKey.GOODBYE, Wavs.riff(Wavs.chunk("fmt ", Wavs.fmt(WavHeader.A_LAW, 1, 8000, 8)),
                Wavs.chunk("data", new byte[160])));

        Prompt prompt = library().prompt("en", PromptKey.GOODBYE);

        assertThat(prompt.isCustom()).isTrue();
        assertThat(prompt.format().formatCode()).isEqualTo(WavHeader.A_LAW);
    }

    @Test
    void ignores_a_directory_in_place_of_a_recording() throws IOException {
        Files.createDirectories(data.resolve("prompts/en/goodbye.wav"));

        assertThat(library().prompt("en", PromptKey.GOODBYE).isCustom()).isFalse();
        assertThat(warnings).singleElement().asString().contains("not a regular file");
    }

    @Test
    void plays_English_for_a_language_without_prompts_and_says_so_once() {
        PromptLibrary library = library();

        Prompt prompt = library.prompt("it-CH", PromptKey.GOODBYE);
        library.prompt("it-CH", PromptKey.PLEASE_HOLD);

        assertThat(prompt.language()).isEqualTo(PromptLanguage.EN);
        assertThat(prompt.source()).isEqualTo(new PromptSource.Bundled("/org/switchboard/pbx/prompt/en/goodbye.wav"));
        assertThat(warnings).containsExactly("no prompts in language 'it-CH'; playing English (bundled: en, fr, de)");
    }

    @Test
    void plays_the_English_piece_a_language_does_not_record_and_says_so_once() {
        PromptLibrary library = library();

        Prompt prompt = library.prompt(PromptLanguage.DE, PromptKey.TIME_AM);
        library.prompt(PromptLanguage.DE, PromptKey.TIME_AM);

        assertThat(prompt.language()).isEqualTo(PromptLanguage.EN);
        assertThat(warnings).singleElement().asString().startsWith("prompt time-am has no de recording; playing the English one");
    }

    @Test
    void plays_an_administrators_recording_of_a_piece_the_language_does_not_bundle() throws IOException {
        custom("de", PromptKey.TIME_AM, Wavs.pcm16(16_000, 1, (short) 7));

        Prompt prompt = library().prompt(PromptLanguage.DE, PromptKey.TIME_AM);

        assertThat(prompt.language()).isEqualTo(PromptLanguage.DE);
        assertThat(prompt.isCustom()).isTrue();
    }

    @Test
    void says_clearly_when_no_recording_exists_anywhere() {
        assertThatThrownBy(() -> library().prompt(PromptLanguage.DE, PromptKey.NUMBER_80_STEM))
                .isInstanceOf(MissingPromptException.class)
                .hasMessageContaining("no prompt number-80-stem in de")
                .hasMessageContaining(data.resolve("prompts/de/number-80-stem.wav").toString());
    }

    @Test
    void finds_the_recordings_of_a_whole_sentence_in_order() {
        Phrasing swiss = Phrasing.forTag("fr-CH");

        List<Prompt> prompts = library().prompts("fr-CH", swiss.number(71));

        assertThat(prompts).extracting(Prompt::key).containsExactly(PromptKey.NUMBER_70, PromptKey.AND, PromptKey.DIGIT_1);
        assertThat(prompts).allSatisfy(p -> assertThat(p.language()).isEqualTo(PromptLanguage.FR));
    }
}
