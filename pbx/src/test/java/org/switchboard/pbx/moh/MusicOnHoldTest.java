package org.switchboard.pbx.moh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.wav.WavWriter;

/** The classes of music on hold: the bundled default, folders of WAV files, and what happens to broken files. */
class MusicOnHoldTest {
    @TempDir
    Path data;

    Path moh() { return data.resolve("moh"); }

    /** A mono 8 kHz file of {@code millis} ms whose every sample is {@code value}. */
    Path constant(String clazz, String file, short value, int millis, int rate) throws IOException {
        Path folder = Files.createDirectories(moh().resolve(clazz));
        short[] pcm = new short[rate * millis / 1000];
        Arrays.fill(pcm, value);
        try (WavWriter w = WavWriter.create(folder.resolve(file), rate, 1)) {
            w.write(pcm, 0, pcm.length);
            w.commit();
        }
        return folder.resolve(file);
    }

    static short[] read(AudioSource source, int samples) {
        short[] out = new short[samples];
        int n = source.read(out, 0, samples);
        assertThat(n).as("the music never ends").isEqualTo(samples);
        return out;
    }

    static double levelDbfs(short[] pcm) {
        double sum = 0;
        for (short s : pcm) sum += (s / 32768.0) * (s / 32768.0);
        return 10 * Math.log10(sum / pcm.length);
    }

    @Test
    void theBundledDefaultIsGentleMusicAtAboutMinus16DbfsThatLoops() {
        MusicOnHold moh = MusicOnHold.bundled();
        assertThat(moh.defaultClass()).isEqualTo("default");
        assertThat(moh.find("default")).hasValueSatisfying(c -> assertThat(c.tracks())
                .containsExactly(new MusicTrack.Bundled(MusicOnHold.BUNDLED_RESOURCE)));
        try (AudioSource music = moh.play().orElseThrow()) {
            assertThat(music.sampleRate()).isEqualTo(8000);
            short[] first = read(music, 8000 * 32);
            assertThat(levelDbfs(first)).isBetween(-18.0, -14.0);
            short[] again = read(music, 8000);
            assertThat(again).as("the 32 s file starts over").isEqualTo(Arrays.copyOf(first, 8000));
        }
    }

    @Test
    void aFolderIsAClassWhoseFilesPlayInNameOrderAndLoop() throws IOException {
        constant("jazz", "b-second.wav", (short) 2000, 100, 8000);
        constant("jazz", "a-first.WAV", (short) 1000, 100, 8000);
        Files.writeString(moh().resolve("jazz").resolve("notes.txt"), "not music");
        Files.writeString(moh().resolve("jazz").resolve(".hidden.wav"), "ignored");
        MusicOnHold moh = MusicOnHold.of(moh(), "jazz");

        assertThat(moh.find("jazz").orElseThrow().tracks()).extracting(MusicTrack::name)
                .containsExactly(moh().resolve("jazz/a-first.WAV").toString(), moh().resolve("jazz/b-second.wav").toString());
        assertThat(moh.classNames()).containsExactly("default", "jazz");
        try (AudioSource music = moh.play().orElseThrow()) {
            short[] pcm = read(music, 800 * 3);
            assertThat(pcm[0]).isEqualTo((short) 1000);
            assertThat(pcm[799]).isEqualTo((short) 1000);
            assertThat(pcm[800]).isEqualTo((short) 2000);
            assertThat(pcm[1599]).isEqualTo((short) 2000);
            assertThat(pcm[1600]).as("from the first file again").isEqualTo((short) 1000);
        }
    }

    @Test
    void filesAtAnotherRateAreConvertedToTheFirstOnesRate() throws IOException {
        constant("mixed", "1.wav", (short) 1000, 100, 8000);
        constant("mixed", "2.wav", (short) 1000, 100, 16000);
        try (AudioSource music = MusicOnHold.of(moh(), "mixed").play().orElseThrow()) {
            assertThat(music.sampleRate()).isEqualTo(8000);
            short[] pcm = read(music, 1600);
            assertThat(pcm[1200]).as("the 16 kHz file, at 8 kHz").isBetween((short) 900, (short) 1100);
        }
    }

    @Test
    void anUnreadableFileIsSkippedAndSaidOnceOnly() throws IOException {
        constant("mixed", "1-good.wav", (short) 1000, 100, 8000);
        Path broken = moh().resolve("mixed").resolve("2-broken.wav");
        Files.writeString(broken, "RIFF? no, a text file");
        constant("mixed", "3-good.wav", (short) 3000, 100, 8000);
        MusicOnHold moh = MusicOnHold.of(moh(), "mixed");
        try (AudioSource music = moh.play().orElseThrow()) {
            short[] pcm = read(music, 1600);
            assertThat(pcm[799]).isEqualTo((short) 1000);
            assertThat(pcm[800]).as("the broken file is skipped").isEqualTo((short) 3000);
        }
        UnreadableTracks once = new UnreadableTracks();
        MusicTrack track = new MusicTrack.File(broken);
        assertThat(once.skipped(track, "not a WAV file")).isTrue();
        assertThat(once.skipped(track, "not a WAV file")).as("one WARN per file").isFalse();
    }

    @Test
    void aClassWithoutPlayableFilesOrNoFolderPlaysTheDefault() throws IOException {
        Files.createDirectories(moh().resolve("broken"));
        Files.writeString(moh().resolve("broken").resolve("x.wav"), "garbage");
        constant("default", "own.wav", (short) 500, 100, 8000);
        MusicOnHold moh = MusicOnHold.of(moh(), "broken");

        assertThat(moh.find("missing")).isEmpty();
        try (AudioSource music = moh.play().orElseThrow()) {
            assertThat(read(music, 10)[0]).as("the administrator's default folder").isEqualTo((short) 500);
        }
        try (AudioSource music = moh.play("missing").orElseThrow()) {
            assertThat(read(music, 10)[0]).isEqualTo((short) 500);
        }
    }

    @Test
    void anEmptyFileMakesNoEndlessLoopTheMusicEnds() throws IOException {
        constant("silent", "empty.wav", (short) 0, 0, 8000);
        MusicClass empty = MusicOnHold.of(moh(), "silent").find("silent").orElseThrow();
        try (AudioSource music = Playlist.of(empty, new UnreadableTracks()).orElseThrow()) {
            assertThat(music.read(new short[160], 0, 160)).isZero();
        }
    }

    @Test
    void classNamesCannotHideAPath() {
        assertThat(MusicOnHold.isClassName("sales-2")).isTrue();
        assertThat(MusicOnHold.isClassName("../etc")).isFalse();
        assertThat(MusicOnHold.isClassName(".hidden")).isFalse();
        assertThat(MusicOnHold.isClassName("a/b")).isFalse();
        assertThat(MusicOnHold.isClassName("")).isFalse();
        assertThat(MusicOnHold.bundled().find("../moh")).isEmpty();
        assertThatThrownBy(() -> MusicOnHold.of(moh(), "../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a music class name");
    }
}
